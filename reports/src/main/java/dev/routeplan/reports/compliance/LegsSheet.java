package dev.routeplan.reports.compliance;

import dev.routeplan.reports.excel.Column;
import dev.routeplan.reports.excel.SheetTable;
import java.util.List;

/**
 * Every leg of every route as the verifier recomputed it: from, to, depart, arrive, positions and
 * km. With the travel model on the Summary sheet, an officer redoes each leg's time by hand, and
 * with it the times every verdict of the route rests on.
 */
final class LegsSheet {

    static final String NAME = "Legs";

    static final List<Column> COLUMNS = List.of(
            new Column("Depot", 12), new Column("Vehicle", 14), new Column("Route status", 12), new Column("Leg", 6),
            new Column("From", 18), new Column("To", 18), new Column("Depart (IST)", 26), new Column("Arrive (IST)", 26),
            new Column("From (lat,lon)", 22), new Column("To (lat,lon)", 22), new Column("km", 10));

    private LegsSheet() {
    }

    static void write(ComplianceReport report, SheetTable table) {
        table.header(COLUMNS);
        for (DepotCompliance depot : report.depots()) {
            for (RouteCompliance route : depot.routes()) {
                for (LegLine leg : route.legs()) {
                    SheetTable.Cells row = table.row()
                            .text(depot.depotId())
                            .text(route.vehicleId())
                            .text(route.status().name())
                            .integer(leg.seq())
                            .text(leg.from())
                            .text(leg.to())
                            .text(leg.depart())
                            .text(leg.arrive())
                            .text(leg.fromPosition())
                            .text(leg.toPosition());
                    if (leg.km() == null) {
                        row.blank();
                    } else {
                        row.number(leg.km());
                    }
                }
            }
        }
        table.finish();
    }
}
