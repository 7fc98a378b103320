package dev.routeplan.batch.ingest;

import dev.routeplan.planning.domain.GeoPoint;

/** The rectangle orders must lie in: Delhi NCR by default (a polygon comes with the zone geometry). */
public record ServiceArea(double minLat, double maxLat, double minLon, double maxLon) {

    public static final ServiceArea DELHI_NCR = new ServiceArea(28.20, 29.00, 76.80, 77.60);

    public boolean contains(GeoPoint point) {
        return point.lat() >= minLat && point.lat() <= maxLat && point.lon() >= minLon && point.lon() <= maxLon;
    }
}
