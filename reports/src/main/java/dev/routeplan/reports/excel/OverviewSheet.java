package dev.routeplan.reports.excel;

import dev.routeplan.planning.baseline.EfficiencyGain;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteMapImage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The first sheet of a run's workbook: one line per depot, a totals line, then each depot's route
 * map. The totals line sits below the filtered range, so sorting the depots never moves it.
 */
final class OverviewSheet {

    static final String NAME = "Overview";

    private static final List<Column> COLUMNS = List.of(
            new Column("Depot", 16), new Column("Depot name", 28), new Column("Vehicles used", 14),
            new Column("Stops", 8), new Column("Km", 10), new Column("Driving hours", 14),
            new Column("Load utilisation", 16), new Column("Unassigned", 12), new Column("Blocked (orders)", 16),
            // per served order first, cost then km; total km compare only like for like
            new Column("Baseline cost/order (INR)", 24), new Column("Plan cost/order (INR)", 20),
            new Column("Lower cost/order vs baseline", 28), new Column("Baseline km", 12),
            new Column("Baseline km/order", 18), new Column("Plan km/order", 14),
            new Column("Fewer km/order vs baseline", 26), new Column("Compared with baseline", 44));

    private OverviewSheet() {
    }

    static void write(List<DepotPlanDocument> docs, Map<String, RouteMapImage> mapsByDepotId, SheetTable table) {
        table.row().text("Plan date").date(planDate(docs));
        table.row().text("Depots").integer(docs.size());
        table.skipRow();

        table.header(COLUMNS);
        for (DepotPlanDocument doc : docs) {
            figures(table.row().text(doc.depot().id()).text(doc.depot().name()), DepotFigures.of(doc));
        }
        table.finish();
        figures(table.row().text("Total").blank(), DepotFigures.total(docs));

        for (DepotPlanDocument doc : docs) {
            RouteMapImage map = mapsByDepotId.get(doc.depot().id());
            if (map != null) {
                table.skipRow();
                table.row().text("Route map " + doc.depot().id()).text(doc.depot().name());
                table.picture(map);
            }
        }
    }

    private static void figures(SheetTable.Cells row, DepotFigures figures) {
        row.integer(figures.vehiclesUsed())
                .integer(figures.stops())
                .number(figures.km())
                .number(figures.drivingHours())
                .percent(figures.loadUtilisation())
                .integer(figures.unassigned())
                .integer(figures.blockedOrders());
        EfficiencyGain efficiency = figures.efficiencyOrNull();
        if (efficiency == null) {
            row.blank().blank().blank().blank().blank().blank().blank().text("no baseline");
        } else {
            // a cost not recorded (a hand plan stored before its cost was) is NaN: an empty cell, not a misleading zero
            row.number(efficiency.baselineCostPerOrder())
                    .number(efficiency.optimisedCostPerOrder())
                    .percent(efficiency.costPerOrderGain())
                    .number(efficiency.baselineKm())
                    .number(efficiency.baselineKmPerOrder())
                    .number(efficiency.optimisedKmPerOrder())
                    .percent(efficiency.kmPerOrderGain())
                    .text(DepotFigures.comparability(efficiency));
        }
    }

    private static LocalDate planDate(List<DepotPlanDocument> docs) {
        List<LocalDate> dates = docs.stream().map(DepotPlanDocument::planDate).distinct().toList();
        // checked by the writer before any sheet exists
        return dates.get(0);
    }
}
