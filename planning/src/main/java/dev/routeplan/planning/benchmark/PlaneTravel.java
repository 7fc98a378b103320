package dev.routeplan.planning.benchmark;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.TravelTimeProvider;

/**
 * Travel on a plane for benchmark instances: a point {@code (x, y)} in instance units is carried in a
 * {@link GeoPoint} as {@code (lat = y, lon = x)} divided by {@link #UNITS_PER_DEGREE}, since a
 * GeoPoint refuses a latitude above 90 and Gehring &amp; Homberger instances reach 500. The
 * distance is the unrounded Euclidean one in instance units (reported where the solver says "km"),
 * and driving takes {@link SolomonProblem#SECONDS_PER_UNIT} seconds per unit, rounded up to whole
 * seconds so that a timeline the solver finds on time is on time in exact arithmetic too.
 */
public final class PlaneTravel implements TravelTimeProvider {

    /**
     * A power of two, so that dividing and multiplying back is exact and distances are the same bits
     * as from the instance's integers; it admits coordinates up to 92,160 in absolute value.
     */
    static final double UNITS_PER_DEGREE = 1024;

    /** The point {@code (x, y)} of an instance, carried as this travel model reads it. */
    static GeoPoint point(double x, double y) {
        double lat = y / UNITS_PER_DEGREE;
        double lon = x / UNITS_PER_DEGREE;
        if (Math.abs(lat) > 90 || Math.abs(lon) > 90) {
            throw new IllegalArgumentException("coordinate (" + x + ", " + y + ") beyond +-" + 90 * UNITS_PER_DEGREE
                    + ", the plane this travel model covers");
        }
        return new GeoPoint(lat, lon);
    }

    @Override
    public double distanceKm(GeoPoint from, GeoPoint to) {
        double dx = (from.lon() - to.lon()) * UNITS_PER_DEGREE;
        double dy = (from.lat() - to.lat()) * UNITS_PER_DEGREE;
        return Math.sqrt(dx * dx + dy * dy);
    }

    @Override
    public long travelSeconds(GeoPoint from, GeoPoint to, VehicleClass vehicleClass, long departureSeconds) {
        return (long) Math.ceil(distanceKm(from, to) * SolomonProblem.SECONDS_PER_UNIT - 1e-9);
    }
}
