package dev.routeplan.reports.excel;

import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteDocument;
import java.util.List;

/** The first sheet: the depot's figures for the night, then one line per route. */
final class SummarySheet {

    static final String NAME = "Summary";

    private static final List<Column> ROUTE_COLUMNS = List.of(
            new Column("Vehicle", 16), new Column("Class", 14), new Column("Driver", 14),
            new Column("Departure (IST)", 18), new Column("Return (IST)", 18), new Column("Stops", 8),
            new Column("Km", 10), new Column("Load (kg)", 12));

    private SummarySheet() {
    }

    static void write(DepotPlanDocument doc, SheetTable table) {
        table.row().text("Depot").text(doc.depot().id());
        table.row().text("Depot name").text(doc.depot().name());
        table.row().text("Plan date").date(doc.planDate());
        table.row().text("Rule pack").text(doc.rulePackId());
        table.row().text("Rule pack version").text(doc.rulePackVersion());
        table.row().text("Vehicles used").integer(doc.routesWithStops().size());
        table.row().text("Stops").integer(doc.stopCount());
        table.row().text("Total km").number(doc.distanceKm());
        doc.efficiency().ifPresent(efficiency -> {
            table.row().text("Baseline km").number(efficiency.baselineKm());
            table.row().text("Baseline orders served").integer(efficiency.baselineServedOrders());
            table.row().text("Efficiency gain vs baseline %").percent(efficiency.gain());
        });
        table.row().text("Total driving hours").number(doc.drivingHours());
        table.row().text("Load utilisation").percent(doc.loadUtilisation());
        table.row().text("Unassigned orders").integer(doc.unassigned().size());
        table.skipRow();

        table.header(ROUTE_COLUMNS);
        for (RouteDocument route : doc.routes()) {
            table.row()
                    .text(route.vehicle().id())
                    .text(route.vehicle().vehicleClass().name())
                    .text(route.vehicle().driverId())
                    .dateTime(doc.localTime(route.route().departureSeconds()))
                    .dateTime(doc.localTime(route.route().returnSeconds()))
                    .integer(route.stopCount())
                    .number(route.route().distanceKm())
                    .number(route.loadKg());
        }
        table.finish();
    }
}
