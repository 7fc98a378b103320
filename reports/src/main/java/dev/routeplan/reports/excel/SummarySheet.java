package dev.routeplan.reports.excel;

import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteDocument;
import dev.routeplan.reports.RouteMapImage;
import java.util.ArrayList;
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
        List<SheetFact> facts = new ArrayList<>(List.of(
                SheetFact.text("Depot", doc.depot().id()),
                SheetFact.text("Depot name", doc.depot().name()),
                SheetFact.date("Plan date", doc.planDate()),
                SheetFact.text("Rule pack", doc.rulePackId()),
                SheetFact.text("Rule pack version", doc.rulePackVersion()),
                SheetFact.integer("Vehicles used", figures.vehiclesUsed()),
                SheetFact.integer("Stops", figures.stops()),
                SheetFact.number("Total km", figures.km())));
        // per served order first: total km read as a loss when the plan serves more orders than the hand plan.
        // A cost not recorded (a hand plan stored before its cost was) leaves its cells empty
        figures.efficiency().ifPresent(efficiency -> facts.addAll(List.of(
                SheetFact.integer("Plan orders served", efficiency.optimisedServedOrders()),
                SheetFact.integer("Baseline orders served", efficiency.baselineServedOrders()),
                SheetFact.number("Plan cost per order (INR)", efficiency.optimisedCostPerOrder()),
                SheetFact.number("Baseline cost per order (INR)", efficiency.baselineCostPerOrder()),
                SheetFact.percent("Lower cost per order vs baseline %", efficiency.costPerOrderGain()),
                SheetFact.number("Plan km per order", efficiency.optimisedKmPerOrder()),
                SheetFact.number("Baseline km per order", efficiency.baselineKmPerOrder()),
                SheetFact.percent("Fewer km per order vs baseline %", efficiency.kmPerOrderGain()),
                SheetFact.number("Baseline km", efficiency.baselineKm()),
                SheetFact.number("Total km difference vs baseline (secondary)", efficiency.totalKmDifference()),
                SheetFact.text("Compared with baseline", DepotFigures.comparability(efficiency)))));
        facts.addAll(List.of(
                SheetFact.number("Total driving hours", figures.drivingHours()),
                SheetFact.percent("Load utilisation", figures.loadUtilisation()),
                SheetFact.integer("Unassigned orders", figures.unassigned()),
                SheetFact.integer("Blocked by compliance (orders)", figures.blockedOrders())));
        table.facts(facts);

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
