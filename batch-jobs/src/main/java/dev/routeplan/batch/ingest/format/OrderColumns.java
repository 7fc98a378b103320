package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.OrderFileItemReader;
import dev.routeplan.batch.ingest.OrderRow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * Where each order column is in one file, found from its header row by {@link HeaderColumns}.
 * The optional columns (a second window) may be absent; a row of such a file reads them as empty.
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
        return new OrderColumns(HeaderColumns.index(fileName, header, OrderFileItemReader.COLUMNS,
                OrderFileItemReader.OPTIONAL_COLUMNS, settings.headerAliases()));
    }

    /** Each column found, by its canonical name, at its place in the row (0 the first). */
    Map<String, Integer> positions() {
        return Map.copyOf(indexByColumn);
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
        return CSVFormat.RFC4180.format(cells.toArray());
    }
}
