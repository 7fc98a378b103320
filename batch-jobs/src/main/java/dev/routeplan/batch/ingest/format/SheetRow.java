package dev.routeplan.batch.ingest.format;

import java.util.List;

/**
 * One row of an orders file as the sender wrote it, before its columns are named.
 *
 * @param rowNumber the row number a spreadsheet shows; the header is usually row 1
 * @param cells     the values left to right; a missing cell is an empty string
 * @param cutCell   for a row longer than a row may be, the cell (0 the first) it passed the limit
 *                  in; its cells are then not read. -1 for a row read whole
 */
record SheetRow(int rowNumber, List<String> cells, int cutCell) {

    SheetRow(int rowNumber, List<String> cells) {
        this(rowNumber, cells, -1);
    }

    /** A row cut short at {@link CsvSheetRows#MAX_ROW_CHARS}, in the given cell; nothing of it is kept. */
    static SheetRow tooLong(int rowNumber, int cutCell) {
        return new SheetRow(rowNumber, List.of(), cutCell);
    }

    boolean isTooLong() {
        return cutCell >= 0;
    }

    /**
     * A row that {@link #isTooLong} where a whole file stops on it: a header, or a master-data row
     * (master data is refused whole, a day's orders set the row aside).
     */
    UnreadableFileException tooLongError(String fileName) {
        return new UnreadableFileException(UnreadableFileException.Reason.MALFORMED_CSV, fileName, rowNumber,
                "a row runs on for more than " + CsvSheetRows.MAX_ROW_CHARS + " characters (a quote not closed?)");
    }

    String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }
}
