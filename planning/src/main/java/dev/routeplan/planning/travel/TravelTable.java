package dev.routeplan.planning.travel;

import dev.routeplan.planning.domain.VehicleClass;

/**
 * Distances and driving times among a fixed list of points, by index, for a caller that asks
 * many times (the solver). Answers exactly what the provider that made it answers for the same
 * two points and departure time, so solver and verifier timelines agree to the second.
 */
public interface TravelTable {

    double km(int from, int to);

    long seconds(VehicleClass vehicleClass, int from, int to, long departureSeconds);

    /** The driving time of a leg between two of a table's points, by index. */
    @FunctionalInterface
    interface LegSeconds {
        long seconds(VehicleClass vehicleClass, int from, int to, long departureSeconds);
    }

    /** The table answering distances from {@code matrix} and times from {@code legSeconds}. */
    static TravelTable of(RoadMatrix matrix, LegSeconds legSeconds) {
        return new TravelTable() {
            @Override
            public double km(int from, int to) {
                return matrix.km(from, to);
            }

            @Override
            public long seconds(VehicleClass vehicleClass, int from, int to, long departureSeconds) {
                return legSeconds.seconds(vehicleClass, from, to, departureSeconds);
            }
        };
    }
}
