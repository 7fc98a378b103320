package dev.routeplan.planning.travel;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import java.util.List;
import java.util.Map;

/**
 * Great-circle distance stretched by a circuity factor (Delhi's roads are not straight lines),
 * driven at the speed its {@link SpeedProfile} gives the vehicle class for the departure hour.
 * Needs no server, so the embedded default and the tests plan with it.
 */
public final class HaversineTravelModel implements MatrixTravelModel {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final double circuityFactor;
    private final SpeedProfile speeds;

    public HaversineTravelModel(double circuityFactor, SpeedProfile speeds) {
        if (circuityFactor < 1.0) {
            throw new IllegalArgumentException("circuity factor must be at least 1, was " + circuityFactor);
        }
        this.circuityFactor = circuityFactor;
        this.speeds = speeds;
    }

    /** The same speed at every hour, per vehicle class. */
    public HaversineTravelModel(double circuityFactor, Map<VehicleClass, Double> speedKmh) {
        this(circuityFactor, SpeedProfile.flat(speedKmh));
    }

    /** Delhi's circuity and hourly speeds (slower in the 08-11 and 17-21 peaks). */
    public static HaversineTravelModel delhiDefaults() {
        return new HaversineTravelModel(1.35, SpeedProfile.delhiDefaults());
    }

    @Override
    public double distanceKm(GeoPoint from, GeoPoint to) {
        return greatCircleKm(from, to) * circuityFactor;
    }

    @Override
    public long travelSeconds(GeoPoint from, GeoPoint to, VehicleClass vehicleClass, long departureSeconds) {
        return seconds(distanceKm(from, to), vehicleClass, departureSeconds);
    }

    private long seconds(double km, VehicleClass vehicleClass, long departureSeconds) {
        return Math.round(km / speeds.speedKmh(vehicleClass, departureSeconds) * 3600.0);
    }

    /** Everything needed to redo a leg by hand: the formula, the factor and each class's speed by hour. */
    @Override
    public String describe() {
        return "haversine: great-circle km (earth radius " + EARTH_RADIUS_KM + " km) x circuity " + circuityFactor
                + ", driven at the vehicle class's speed for the hour the leg departs (Asia/Kolkata); time = km / speed,"
                + " rounded to the second; " + speeds.describe();
    }

    @Override
    public String fingerprint() {
        return "haversine:" + circuityFactor;
    }

    /** Distances only: times follow from them and the speed profile. */
    @Override
    public RoadMatrix roadMatrix(List<GeoPoint> points) {
        int n = points.size();
        double[] km = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                km[i * n + j] = distanceKm(points.get(i), points.get(j));
            }
        }
        return new RoadMatrix(n, km, null);
    }

    /** Keeps the n² distances and divides by the departure hour's speed on each call: exact and cheap. */
    @Override
    public TravelTable table(List<GeoPoint> points, RoadMatrix matrix) {
        return TravelTable.of(matrix, (vehicleClass, from, to, departureSeconds) ->
                seconds(matrix.km(from, to), vehicleClass, departureSeconds));
    }

    /** Great-circle distance, without the circuity factor. */
    public static double greatCircleKm(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat()))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
