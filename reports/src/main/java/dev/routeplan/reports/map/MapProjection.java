package dev.routeplan.reports.map;

import java.awt.geom.Point2D;

/**
 * Equirectangular projection fitted to a lon/lat box: longitude is shrunk by cos(latitude) at the
 * box's middle, so at Delhi's 28.6° a kilometre east is as long on the picture as a kilometre
 * north. Over a city this is within a fraction of a percent of any proper projection.
 */
record MapProjection(double centreLon, double centreLat, double cosLat, double pxPerDegree, double centreX, double centreY) {

    static final double KM_PER_DEGREE_LAT = 111.32;

    /**
     * Fits {minLon, minLat, maxLon, maxLat} into the pixel box (x, y, width, height), centred,
     * keeping the aspect; a box narrower than {@code minSpanKm} is widened to it.
     */
    static MapProjection fit(double[] bounds, double minSpanKm, double x, double y, double width, double height) {
        double centreLat = (bounds[1] + bounds[3]) / 2;
        double centreLon = (bounds[0] + bounds[2]) / 2;
        double cosLat = Math.cos(Math.toRadians(centreLat));
        double minSpanDegrees = minSpanKm / KM_PER_DEGREE_LAT;
        double spanX = Math.max((bounds[2] - bounds[0]) * cosLat, minSpanDegrees);
        double spanY = Math.max(bounds[3] - bounds[1], minSpanDegrees);
        double pxPerDegree = Math.min(width / spanX, height / spanY);
        return new MapProjection(centreLon, centreLat, cosLat, pxPerDegree, x + width / 2, y + height / 2);
    }

    Point2D.Double toPixel(double lon, double lat) {
        return new Point2D.Double(centreX + (lon - centreLon) * cosLat * pxPerDegree,
                centreY - (lat - centreLat) * pxPerDegree);
    }

    double pxPerKm() {
        return pxPerDegree / KM_PER_DEGREE_LAT;
    }
}
