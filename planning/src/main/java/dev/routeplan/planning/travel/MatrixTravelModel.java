package dev.routeplan.planning.travel;

import dev.routeplan.planning.domain.GeoPoint;
import java.util.List;

/**
 * A travel model whose expensive part is a {@link RoadMatrix} (distances, perhaps base times)
 * that depends only on the points and the model's parameters, so it can be computed once and
 * cached; times for a vehicle class and departure are derived from it cheaply.
 */
public interface MatrixTravelModel extends TravelTimeProvider {

    /** The model's parameters that the road matrix depends on, for cache keys (e.g. {@code haversine:1.35}). */
    String fingerprint();

    RoadMatrix roadMatrix(List<GeoPoint> points);

    /** The table over {@code points} answering from {@code matrix}, which this model made for those points. */
    TravelTable table(List<GeoPoint> points, RoadMatrix matrix);

    @Override
    default TravelTable table(List<GeoPoint> points) {
        return table(points, roadMatrix(points));
    }
}
