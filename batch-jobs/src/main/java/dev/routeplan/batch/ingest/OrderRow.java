package dev.routeplan.batch.ingest;

import java.util.Map;

/**
 * One data row of an orders file as read, before validation. {@code rowNumber} counts lines of
 * the file as a spreadsheet shows them: the header is row 1, the first order row 2.
 *
 * @param tooLongField for a row longer than a row may be, the field it passed the limit in (its
 *                     values are then not read and {@code raw} is empty); null for a row read whole
 */
public record OrderRow(long fileId, String fileName, int rowNumber, Map<String, String> values, String raw,
                       String tooLongField) {

    public OrderRow(long fileId, String fileName, int rowNumber, Map<String, String> values, String raw) {
        this(fileId, fileName, rowNumber, values, raw, null);
    }

    public String value(String column) {
        String v = values.get(column);
        return v == null ? "" : v.trim();
    }
}
