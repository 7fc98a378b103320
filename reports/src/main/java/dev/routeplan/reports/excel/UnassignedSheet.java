package dev.routeplan.reports.excel;

import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.reports.DepotPlanDocument;
import java.util.List;

/** Orders no route serves, with the reason a planner acts on. */
final class UnassignedSheet {

    static final String NAME = "Unassigned";

    private static final List<Column> COLUMNS = List.of(
            new Column("Order", 16), new Column("Reason", 24), new Column("Detail", 60));

    private UnassignedSheet() {
    }

    static void write(DepotPlanDocument doc, SheetTable table) {
        table.header(COLUMNS);
        for (UnassignedOrder order : doc.unassigned()) {
            table.row().text(order.orderId()).text(order.reason().name()).text(order.detail());
        }
        table.finish();
    }
}
