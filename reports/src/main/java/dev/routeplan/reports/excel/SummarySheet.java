package dev.routeplan.reports.excel;

import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteDocument;
import dev.routeplan.reports.RouteMapImage;
import java.util.List;

/** The first sheet: the depot's figures for the night, one line per route, then the route map. */
final class SummarySheet {

    static final String NAME = "Summary";

    private static final List<Column> ROUTE_COLUMNS = List.of(
            // wide enough for the labels of the figures above the table, which share the column
            new Column("Vehicle", 34), new Column("Class", 14), new Column("Driver", 14),
            new Column("Departure (IST)", 18), new Column("Return (IST)", 18), new Column("Stops", 8),
            new Column("Km", 10), new Column("Load (kg)", 12), new Column("Shift", 13));

    private SummarySheet() {
    }

    static void write(DepotPlanDocument doc, RouteMapImage mapOrNull, SheetTable table) {
        DepotFigures figures = DepotFigures.of(doc);
        table.row().text("Depot").text(doc.depot().id());
        table.row().text("Depot name").text(doc.depot().name());
        table.row().text("Plan date").date(doc.planDate());
        table.row().text("Rule pack").text(doc.rulePackId());
        table.row().text("Rule pack version").text(doc.rulePackVersion());
        table.row().text("Vehicles used").integer(figures.vehiclesUsed());
        table.row().text("Stops").integer(figures.stops());
        table.row().text("Total km").number(figures.km());
        figures.efficiency().ifPresent(efficiency -> {
            table.row().text("Baseline km").number(efficiency.baselineKm());
            table.row().text("Baseline orders served").integer(efficiency.baselineServedOrders());
            table.row().text("Plan orders served").integer(efficiency.optimisedServedOrders());
            table.row().text("Baseline km per order").number(efficiency.baselineKmPerOrder());
            table.row().text("Plan km per order").number(efficiency.optimisedKmPerOrder());
            table.row().text("Efficiency gain vs baseline %").percent(efficiency.gain());
            table.row().text("Compared with baseline").text(DepotFigures.comparability(efficiency));
        });
        table.row().text("Total driving hours").number(figures.drivingHours());
        table.row().text("Load utilisation").percent(figures.loadUtilisation());
        table.row().text("Unassigned orders").integer(figures.unassigned());
        table.row().text("Blocked by compliance (orders)").integer(figures.blockedOrders());
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
                    .number(route.loadKg())
                    .text(route.vehicle().shift().toString());
        }
        table.finish();
        if (mapOrNull != null) {
            table.skipRow();
            table.row().text("Route map");
            table.picture(mapOrNull);
        }
    }
}
