package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.TravelTimeProvider;

/** Every leg takes the same time and distance, so a scenario's clock times are exact. */
record FixedLegTravel(long legSeconds, double legKm) implements TravelTimeProvider {

    @Override
    public double distanceKm(GeoPoint from, GeoPoint to) {
        return legKm;
    }

    @Override
    public long travelSeconds(GeoPoint from, GeoPoint to, VehicleClass vehicleClass, long departureSeconds) {
        return legSeconds;
    }
}
