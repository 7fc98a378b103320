package dev.routeplan.reports.excel;

import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.reports.DepotPlanDocument;
import java.util.ArrayList;
import java.util.List;

/** Orders no route serves, with the reason a planner acts on; across a run, with their depot first. */
final class UnassignedSheet {

    static final String NAME = "Unassigned";

    private static final Column DEPOT = new Column("Depot", 12);
    private static final List<Column> COLUMNS = List.of(
            new Column("Order", 16), new Column("Reason", 24), new Column("Detail", 60));

    private UnassignedSheet() {
    }

    /** One depot's unassigned orders. */
    static void write(DepotPlanDocument doc, SheetTable table) {
        table.header(COLUMNS);
        for (UnassignedOrder order : doc.unassigned()) {
            cells(order, table.row());
        }
        table.finish();
    }

    /** Every depot's unassigned orders, in the depots' order, with a depot column to filter on. */
    static void writeRun(List<DepotPlanDocument> docs, SheetTable table) {
        List<Column> columns = new ArrayList<>();
        columns.add(DEPOT);
        columns.addAll(COLUMNS);
        table.header(columns);
        for (DepotPlanDocument doc : docs) {
            for (UnassignedOrder order : doc.unassigned()) {
                cells(order, table.row().text(doc.depot().id()));
            }
        }
        table.finish();
    }

    private static void cells(UnassignedOrder order, SheetTable.Cells row) {
        row.text(order.orderId()).text(order.reason().name()).text(order.detail());
    }
}
