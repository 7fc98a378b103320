package dev.routeplan.planning.domain;

/** A WGS-84 position in decimal degrees. */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || Double.isNaN(lat) || Double.isNaN(lon)) {
            throw new IllegalArgumentException("not a WGS-84 position: " + lat + "," + lon);
        }
    }
}
