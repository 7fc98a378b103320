package dev.routeplan.planning.travel;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;

/**
 * Road distance and driving time between two points. The solver, the baseline planner and the
 * compliance verifier all ask the same provider, so a route's timeline means the same to each.
 */
public interface TravelTimeProvider {

    double distanceKm(GeoPoint from, GeoPoint to);

    /**
     * Driving time from {@code from} to {@code to} for a vehicle of the class that leaves at
     * {@code departureSeconds} (after 00:00 on the plan date, Asia/Kolkata).
     */
    long travelSeconds(GeoPoint from, GeoPoint to, VehicleClass vehicleClass, long departureSeconds);
}
