package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.OrderFileItemReader;
import dev.routeplan.batch.ingest.OrderRow;
import java.util.ArrayList;
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

    /**
     * The most of a row a reject keeps: a rejected row's text is stored sealed (about 1.4 times its
     * UTF-8, at most 3 bytes a character, in 12,000 characters) and goes back to the sender in a
     * workbook, whose cells end at 32,767 characters.
     */
    static final int MAX_RAW_CHARS = 2_400;
    private static final int SHORTENED_CELL_CHARS = 200;

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
        if (row.isTooLong()) {
            return new OrderRow(fileId, fileName, row.rowNumber(), Map.of(), "", columnAt(row.cutCell()));
        }
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

    /** The canonical name of the column at {@code index}, or "column N" (1 the first) for one the orders do not use. */
    private String columnAt(int index) {
        return indexByColumn.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey)
                .findFirst().orElse("column " + (index + 1));
    }

    /**
     * The row's values as the sender wrote them, every column, as one RFC 4180 line for the reject
     * report; a row longer than {@link #MAX_RAW_CHARS} is shortened.
     */
    static String raw(List<String> cells) {
        String raw = CSVFormat.RFC4180.format(cells.toArray());
        return raw.length() <= MAX_RAW_CHARS ? raw : shortened(cells);
    }

    /**
     * A long row still as a line of CSV that reads back, so the report can show it column by column:
     * each value cut to {@value #SHORTENED_CELL_CHARS} characters and "…", and the cells after the
     * budget is spent left out but for one "…". At most about 2,900 characters.
     */
    private static String shortened(List<String> cells) {
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String cell : cells) {
            if (length > MAX_RAW_CHARS) {
                kept.add("…");
                break;
            }
            String value = cell.length() <= SHORTENED_CELL_CHARS ? cell : cutBefore(cell, SHORTENED_CELL_CHARS) + "…";
            kept.add(value);
            length += 2 * value.length() + 3; // doubled quotes at worst, the quotes around and a comma
        }
        return CSVFormat.RFC4180.format(kept.toArray());
    }

    /** The first {@code length} characters, one fewer rather than half a character outside the BMP. */
    private static String cutBefore(String text, int length) {
        return text.substring(0, Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length);
    }
}
