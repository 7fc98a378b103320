package dev.routeplan.batch.ingest.format;

import java.util.List;

/**
 * One row of an orders file as the sender wrote it, before its columns are named.
 *
 * @param rowNumber the row number a spreadsheet shows; the header is usually row 1
 * @param cells     the values left to right; a missing cell is an empty string
 */
record SheetRow(int rowNumber, List<String> cells) {

    String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }
}
