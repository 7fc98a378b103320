package dev.routeplan.planning.domain;

import java.util.List;

/**
 * A vehicle's route for the plan date: leaves the depot, serves the stops in order, returns.
 * Times are seconds after 00:00 on the plan date (Asia/Kolkata).
 */
public record PlannedRoute(
        String vehicleId,
        String depotId,
        long departureSeconds,
        long returnSeconds,
        double distanceKm,
        List<PlannedStop> stops) {

    public PlannedRoute {
        stops = List.copyOf(stops);
    }
}
