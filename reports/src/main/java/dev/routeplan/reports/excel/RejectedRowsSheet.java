package dev.routeplan.reports.excel;

import dev.routeplan.reports.RejectedRow;
import java.util.List;

/**
 * Input rows ingest refused, so planners can chase the sender: file, row number, order and why.
 * With nothing refused the sheet still says so, instead of leaving a reader to wonder whether
 * the list was forgotten.
 */
final class RejectedRowsSheet {

    static final String NAME = "Rejected rows";

    private static final List<Column> COLUMNS = List.of(
            new Column("File", 28), new Column("Row", 8), new Column("Order", 16),
            new Column("Reason codes", 32), new Column("Message", 70));

    private RejectedRowsSheet() {
    }

    static void write(List<RejectedRow> rejected, SheetTable table) {
        table.header(COLUMNS);
        if (rejected.isEmpty()) {
            table.row().text("none");
        }
        for (RejectedRow row : rejected) {
            table.row()
                    .text(row.fileName())
                    .integer(row.rowNumber())
                    .text(row.orderId())
                    .text(String.join("; ", row.reasonCodes()))
                    .text(row.message());
        }
        table.finish();
    }
}
