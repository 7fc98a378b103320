package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.CsvFiles;
import dev.routeplan.batch.ingest.OrderFileItemReader;
import dev.routeplan.batch.ingest.OrderRow;
import dev.routeplan.batch.ingest.format.UnreadableFileException.Reason;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each order column is in one file, found from its header row: names match the canonical
 * columns ignoring case and surrounding spaces, or one of the configured aliases. The one place
 * a header is judged, for every format. The optional columns (a second window) may be absent; a
 * row of such a file reads them as empty.
 */
final class OrderColumns {

    private final Map<String, Integer> indexByColumn;

    private OrderColumns(Map<String, Integer> indexByColumn) {
        this.indexByColumn = indexByColumn;
    }

    /**
     * @throws UnreadableFileException when the header is missing, uses another delimiter, lacks a
     *         column or names one column twice
     */
    static OrderColumns fromHeader(String fileName, SheetRow header, OrderFileSettings settings) {
        if (header == null) {
            throw new UnreadableFileException(Reason.EMPTY_FILE, fileName, 0, "has no header row");
        }
        int row = header.rowNumber();
        if (header.cells().size() == 1) {
            String only = header.cells().get(0);
            for (String delimiter : List.of(";", "\t", "|")) {
                if (only.contains(delimiter)) {
                    String shown = delimiter.equals("\t") ? "tab" : "'" + delimiter + "'";
                    throw new UnreadableFileException(Reason.WRONG_DELIMITER, fileName, row,
                            "the header uses " + shown + " as delimiter; expected ','");
                }
            }
        }
        Map<String, String> columnByName = namesOf(settings);
        Map<String, Integer> indexByColumn = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String column = columnByName.get(normalise(header.cells().get(i)));
            if (column == null) {
                continue; // extra columns are the sender's own and are carried in the raw line only
            }
            Integer earlier = indexByColumn.putIfAbsent(column, i);
            if (earlier != null) {
                // "lat" and "latitude" side by side: taking either could be the wrong one
                throw new UnreadableFileException(Reason.DUPLICATE_COLUMN, fileName, row, column,
                        "columns \"" + header.cell(earlier) + "\" and \"" + header.cell(i) + "\" both give " + column);
            }
        }
        List<String> missing = OrderFileItemReader.COLUMNS.stream().filter(c -> !indexByColumn.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFileException(Reason.MISSING_COLUMNS, fileName, row, String.join(",", missing),
                    "missing column(s); expected header " + String.join(",", OrderFileItemReader.COLUMNS));
        }
        return new OrderColumns(indexByColumn);
    }

    private static Map<String, String> namesOf(OrderFileSettings settings) {
        Map<String, String> columnByName = new HashMap<>();
        settings.headerAliases().forEach((column, aliases) ->
                aliases.forEach(alias -> columnByName.put(normalise(alias), column)));
        // a canonical name always means its own column, even if someone configured it as an alias
        OrderFileItemReader.COLUMNS.forEach(column -> columnByName.put(column, column));
        OrderFileItemReader.OPTIONAL_COLUMNS.forEach(column -> columnByName.put(column, column));
        return columnByName;
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    OrderRow toOrderRow(long fileId, String fileName, SheetRow row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : OrderFileItemReader.COLUMNS) {
            values.put(column, row.cell(indexByColumn.get(column)));
        }
        for (String column : OrderFileItemReader.OPTIONAL_COLUMNS) {
            Integer index = indexByColumn.get(column);
            values.put(column, index == null ? "" : row.cell(index));
        }
        return new OrderRow(fileId, fileName, row.rowNumber(), Collections.unmodifiableMap(values), raw(row.cells()));
    }

    /** The row's values as the sender wrote them, every column, as one RFC 4180 line for the reject report. */
    static String raw(List<String> cells) {
        return CsvFiles.raw(cells);
    }
}
