package dev.routeplan.planning.domain;

import java.util.List;

/** The solver's result for one depot on one plan date. */
public record DepotPlan(String depotId, List<PlannedRoute> routes, List<UnassignedOrder> unassigned) {

    public DepotPlan {
        routes = List.copyOf(routes);
        unassigned = List.copyOf(unassigned);
    }

    public double distanceKm() {
        return routes.stream().mapToDouble(PlannedRoute::distanceKm).sum();
    }
}
