package dev.routeplan.planning.travel;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import java.util.EnumMap;
import java.util.Map;

/**
 * Great-circle distance stretched by a circuity factor (Delhi's roads are not straight lines),
 * driven at an average speed per vehicle class. Needs no server, so the embedded default and
 * the tests plan with it.
 */
public final class HaversineTravelModel implements TravelTimeProvider {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final double circuityFactor;
    private final Map<VehicleClass, Double> speedKmh;

    public HaversineTravelModel(double circuityFactor, Map<VehicleClass, Double> speedKmh) {
        if (circuityFactor < 1.0) {
            throw new IllegalArgumentException("circuity factor must be at least 1, was " + circuityFactor);
        }
        for (VehicleClass vc : VehicleClass.values()) {
            Double speed = speedKmh.get(vc);
            if (speed == null || speed <= 0) {
                throw new IllegalArgumentException("no positive average speed for vehicle class " + vc);
            }
        }
        this.circuityFactor = circuityFactor;
        this.speedKmh = new EnumMap<>(speedKmh);
    }

    /** Urban averages for Delhi: heavier vehicles are slower to manoeuvre but drive at night. */
    public static HaversineTravelModel delhiDefaults() {
        return new HaversineTravelModel(1.35, Map.of(
                VehicleClass.HGV, 30.0,
                VehicleClass.MGV, 28.0,
                VehicleClass.LGV, 24.0,
                VehicleClass.THREE_WHEELER, 20.0));
    }

    @Override
    public double distanceKm(GeoPoint from, GeoPoint to) {
        return greatCircleKm(from, to) * circuityFactor;
    }

    @Override
    public long travelSeconds(GeoPoint from, GeoPoint to, VehicleClass vehicleClass, long departureSeconds) {
        return Math.round(distanceKm(from, to) / speedKmh.get(vehicleClass) * 3600.0);
    }

    static double greatCircleKm(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat()))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
