package dev.routeplan.planning.travel;

/**
 * What a {@link MatrixTravelModel} computes once per list of points and may keep in a cache:
 * road distances and, for models that have them, base driving times. Row-major, {@code n × n}.
 *
 * @param size    number of points
 * @param km      road distance from i to j at {@code i * size + j}
 * @param seconds base driving time from i to j at the same index, or {@code null} when the model
 *                derives times from distances (the haversine model)
 */
public record RoadMatrix(int size, double[] km, long[] seconds) {

    public RoadMatrix {
        if (km.length != size * size || (seconds != null && seconds.length != size * size)) {
            throw new IllegalArgumentException("a road matrix of " + size + " points needs " + size * size + " entries");
        }
    }

    public double km(int from, int to) {
        return km[from * size + to];
    }

    public long seconds(int from, int to) {
        return seconds[from * size + to];
    }

}
