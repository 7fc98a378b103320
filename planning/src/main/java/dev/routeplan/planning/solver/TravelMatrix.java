package dev.routeplan.planning.solver;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.util.List;

/**
 * Distances and driving times between the depot (index 0) and the stops, asked of the travel
 * provider once per solve: the solver evaluates millions of moves and must not recompute
 * haversines for each. Times are taken at the start of the plan date, which is exact for
 * time-independent providers.
 */
final class TravelMatrix {

    private final double[][] km;
    private final long[][][] seconds;

    TravelMatrix(List<GeoPoint> points, TravelTimeProvider travel) {
        int n = points.size();
        km = new double[n][n];
        seconds = new long[VehicleClass.values().length][n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                km[i][j] = travel.distanceKm(points.get(i), points.get(j));
                for (VehicleClass vc : VehicleClass.values()) {
                    seconds[vc.ordinal()][i][j] = travel.travelSeconds(points.get(i), points.get(j), vc, 0);
                }
            }
        }
    }

    double km(int from, int to) {
        return km[from][to];
    }

    long seconds(VehicleClass vehicleClass, int from, int to) {
        return seconds[vehicleClass.ordinal()][from][to];
    }
}
