package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.format.UnreadableFileException.Reason;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each named column is in one file, found from its header row: names match ignoring case
 * and surrounding spaces, or one of the configured aliases. The one place a header is judged, for
 * every kind of input file and every format. Optional columns may be absent.
 */
final class HeaderColumns {

    private HeaderColumns() {
    }

    /**
     * @return the index of every column found, by its canonical name
     * @throws UnreadableFileException when the header is missing, uses another delimiter, lacks a
     *         required column or names one column twice
     */
    static Map<String, Integer> index(String fileName, SheetRow header, List<String> required, List<String> optional,
                                      Map<String, List<String>> aliases) {
        if (header == null) {
            throw new UnreadableFileException(Reason.EMPTY_FILE, fileName, 0, "has no header row");
        }
        if (header.isTooLong()) {
            throw header.tooLongError(fileName);
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
        Map<String, String> columnByName = new HashMap<>();
        aliases.forEach((column, names) -> names.forEach(alias -> columnByName.put(normalise(alias), column)));
        // a canonical name always means its own column, even if someone configured it as an alias
        required.forEach(column -> columnByName.put(column, column));
        optional.forEach(column -> columnByName.put(column, column));
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
        List<String> missing = required.stream().filter(c -> !indexByColumn.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFileException(Reason.MISSING_COLUMNS, fileName, row, String.join(",", missing),
                    "missing column(s); expected header " + String.join(",", required));
        }
        return indexByColumn;
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
