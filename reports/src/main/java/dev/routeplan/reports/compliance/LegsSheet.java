package dev.routeplan.reports.compliance;

import dev.routeplan.reports.excel.SheetTable;
import dev.routeplan.reports.excel.TableColumn;
import java.util.List;

/**
 * Every leg of every route as the verifier recomputed it: from, to, depart, arrive, positions and
 * km. With the travel model on the Summary sheet, an officer redoes each leg's time by hand, and
 * with it the times every verdict of the route rests on.
 */
final class LegsSheet {

    static final String NAME = "Legs";

    private static final List<TableColumn<RouteLine<LegLine>>> COLUMNS = RouteLine.columns(
            TableColumn.integer("Leg", 6, r -> r.line().seq()),
            TableColumn.text("From", 18, r -> r.line().from()), TableColumn.text("To", 18, r -> r.line().to()),
            TableColumn.text("Depart (IST)", 26, r -> r.line().depart()), TableColumn.text("Arrive (IST)", 26, r -> r.line().arrive()),
            TableColumn.text("From (lat,lon)", 22, r -> r.line().fromPosition()),
            TableColumn.text("To (lat,lon)", 22, r -> r.line().toPosition()),
            TableColumn.numberOrBlank("km", 10, r -> r.line().km()));

    private LegsSheet() {
    }

    static void write(ComplianceReport report, SheetTable table) {
        table.table(COLUMNS, RouteLine.of(report, RouteCompliance::legs));
    }
}
