package dev.routeplan.planning.solver;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.TravelTimeProvider;
import dev.routeplan.planning.travel.TravelTable;
import java.util.List;

/**
 * Distances and driving times between the depot (index 0) and the stops, built once per solve
 * from the travel provider's {@link TravelTable}: the solver evaluates millions of moves and must
 * not recompute haversines for each. Times depend on the departure time, which callers pass as
 * the moment the vehicle actually leaves, so the solver's timeline is the verifier's.
 */
final class TravelMatrix {

    private final TravelTable table;

    TravelMatrix(List<GeoPoint> points, TravelTimeProvider travel) {
        this.table = travel.table(points);
    }

    double km(int from, int to) {
        return table.km(from, to);
    }

    long seconds(VehicleClass vehicleClass, int from, int to, long departureSeconds) {
        return table.seconds(vehicleClass, from, to, departureSeconds);
    }
}
