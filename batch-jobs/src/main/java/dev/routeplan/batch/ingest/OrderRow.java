package dev.routeplan.batch.ingest;

import java.util.Map;

/**
 * One data row of an orders file as read, before validation. {@code rowNumber} counts lines of
 * the file as a spreadsheet shows them: the header is row 1, the first order row 2.
 */
public record OrderRow(long fileId, String fileName, int rowNumber, Map<String, String> values, String raw) {

    public String value(String column) {
        String v = values.get(column);
        return v == null ? "" : v.trim();
    }
}
