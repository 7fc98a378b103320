package dev.routeplan.planning.benchmark;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.TravelTimeProvider;

/**
 * Travel on a plane for benchmark instances: a {@link GeoPoint} is read as {@code (y = lat, x = lon)},
 * the distance is the unrounded Euclidean one in instance units (reported where the solver says
 * "km"), and driving takes {@link SolomonProblem#SECONDS_PER_UNIT} seconds per unit, rounded up
 * to whole seconds so that a timeline the solver finds on time is on time in exact arithmetic too.
 */
public final class PlaneTravel implements TravelTimeProvider {

    @Override
    public double distanceKm(GeoPoint from, GeoPoint to) {
        double dx = from.lon() - to.lon();
        double dy = from.lat() - to.lat();
        return Math.sqrt(dx * dx + dy * dy);
    }

    @Override
    public long travelSeconds(GeoPoint from, GeoPoint to, VehicleClass vehicleClass, long departureSeconds) {
        return (long) Math.ceil(distanceKm(from, to) * SolomonProblem.SECONDS_PER_UNIT - 1e-9);
    }
}
