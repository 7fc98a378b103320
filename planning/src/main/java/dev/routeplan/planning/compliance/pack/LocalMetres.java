package dev.routeplan.planning.compliance.pack;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A local equirectangular projection: metres east and north of an origin, x = R * dLon * cos(lat0),
 * y = R * dLat. Used only to widen road centre lines by a buffer in metres.
 *
 * <p>Good enough at Delhi's scale: the origin is the road's own first vertex, and the roads are a
 * few kilometres long, so the scale error (the change of cos(lat) over the road, plus the sphere
 * versus the WGS-84 ellipsoid) is well under 1 % of a 30-60 m buffer, i.e. centimetres; the
 * hand-digitised centre lines themselves are off by tens of metres. A projection is affine in
 * lon/lat, so fractions along a straight leg are the same in degrees and in metres.
 */
final class LocalMetres {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final double originLon;
    private final double originLat;
    private final double metresPerDegreeLon;
    private final double metresPerDegreeLat;

    LocalMetres(Coordinate originLonLat) {
        this.originLon = originLonLat.x;
        this.originLat = originLonLat.y;
        this.metresPerDegreeLat = Math.toRadians(1) * EARTH_RADIUS_M;
        this.metresPerDegreeLon = metresPerDegreeLat * Math.cos(Math.toRadians(originLat));
    }

    Geometry toMetres(Geometry lonLat) {
        Geometry g = lonLat.copy();
        g.apply((CoordinateFilter) c -> {
            c.x = (c.x - originLon) * metresPerDegreeLon;
            c.y = (c.y - originLat) * metresPerDegreeLat;
        });
        g.geometryChanged();
        return g;
    }

    Geometry toLonLat(Geometry metres) {
        Geometry g = metres.copy();
        g.apply((CoordinateFilter) c -> {
            c.x = originLon + c.x / metresPerDegreeLon;
            c.y = originLat + c.y / metresPerDegreeLat;
        });
        g.geometryChanged();
        return g;
    }

    /** The line widened by {@code metres} on each side, back in lon/lat. */
    static Geometry buffer(Geometry lineLonLat, double metres) {
        LocalMetres projection = new LocalMetres(lineLonLat.getCoordinates()[0]);
        return projection.toLonLat(projection.toMetres(lineLonLat).buffer(metres));
    }
}
