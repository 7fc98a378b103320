package dev.routeplan.planning.travel;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import java.util.List;

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

    /**
     * The model and its parameters in words (e.g. haversine x circuity at which speeds, or OSRM at
     * which URL), so the compliance evidence names how every time was computed and an officer can
     * redo a leg by hand.
     */
    default String describe() {
        return getClass().getSimpleName();
    }

    /**
     * Distances and times among {@code points} for a caller that asks many times. The default
     * keeps the distances and asks this provider for each time; models that can do better
     * override it, always answering exactly as {@link #travelSeconds} would.
     */
    default TravelTable table(List<GeoPoint> points) {
        int n = points.size();
        double[] km = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                km[i * n + j] = i == j ? 0 : distanceKm(points.get(i), points.get(j));
            }
        }
        List<GeoPoint> at = List.copyOf(points);
        return TravelTable.of(new RoadMatrix(n, km, null), (vehicleClass, from, to, departureSeconds) ->
                from == to ? 0 : travelSeconds(at.get(from), at.get(to), vehicleClass, departureSeconds));
    }
}
