package dev.routeplan.planning.domain;

import java.util.List;
import java.util.Map;

/** The solver's result for one depot on one plan date. */
public record DepotPlan(String depotId, List<PlannedRoute> routes, List<UnassignedOrder> unassigned) {

    public DepotPlan {
        routes = List.copyOf(routes);
        unassigned = List.copyOf(unassigned);
    }

    public double distanceKm() {
        return routes.stream().mapToDouble(PlannedRoute::distanceKm).sum();
    }

    /**
     * The plan's running cost: each vehicle used (a route with a stop) at {@link Vehicle#runningCost}
     * over its route's km, as the solver's score counts it; a vehicle left at the depot costs nothing.
     *
     * @param vehiclesById at least the vehicles of the plan's routes
     * @throws IllegalArgumentException when a route's vehicle is not among them
     */
    public double runningCost(Map<String, Vehicle> vehiclesById) {
        double cost = 0;
        for (PlannedRoute route : routes) {
            if (route.stops().isEmpty()) {
                continue;
            }
            Vehicle vehicle = vehiclesById.get(route.vehicleId());
            if (vehicle == null) {
                throw new IllegalArgumentException("no vehicle " + route.vehicleId() + " to cost the route of depot " + depotId);
            }
            cost += vehicle.runningCost(route.distanceKm());
        }
        return cost;
    }
}
