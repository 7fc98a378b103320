package dev.routeplan.reports.compliance;

import dev.routeplan.reports.excel.TableColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One line of one route (a check, a leg) with the depot and route it belongs to: the sheets that
 * list every line of every route start each row with the same three columns.
 */
record RouteLine<L>(DepotCompliance depot, RouteCompliance route, L line) {

    /** Every line of every route of the report, depot by depot, route by route. */
    static <L> List<RouteLine<L>> of(ComplianceReport report, Function<RouteCompliance, List<L>> lines) {
        List<RouteLine<L>> all = new ArrayList<>();
        for (DepotCompliance depot : report.depots()) {
            for (RouteCompliance route : depot.routes()) {
                for (L line : lines.apply(route)) {
                    all.add(new RouteLine<>(depot, route, line));
                }
            }
        }
        return all;
    }

    /** Depot, Vehicle and Route status, followed by the line's own columns. */
    @SafeVarargs
    static <L> List<TableColumn<RouteLine<L>>> columns(TableColumn<RouteLine<L>>... lineColumns) {
        List<TableColumn<RouteLine<L>>> columns = new ArrayList<>(List.of(
                TableColumn.text("Depot", 12, r -> r.depot().depotId()),
                TableColumn.text("Vehicle", 14, r -> r.route().vehicleId()),
                TableColumn.text("Route status", 12, r -> r.route().status().name())));
        columns.addAll(List.of(lineColumns));
        return List.copyOf(columns);
    }
}
