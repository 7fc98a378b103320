package dev.routeplan.planning.compliance.pack;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A local equirectangular projection: metres east and north of an origin, x = R * dLon * cos(lat0),
 * y = R * dLat. Used only to widen zones by metres: road centre lines by their buffer, areas and
 * market centres by their margin.
 *
 * <p>Good enough at Delhi's scale: the origin is the geometry's own first vertex. Roads and
 * markets span a few kilometres, so the scale error (the change of cos(lat) over the shape, plus
 * the sphere versus the WGS-84 ellipsoid) is well under 1 % of the buffer, i.e. centimetres; the
 * Delhi outline spans 0.5 degrees of latitude, where cos(lat) changes by under 0.5 %: 3 m of a
 * 600 m margin. The hand-digitised lines themselves are off by tens of metres. A projection is affine in
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

    /** The geometry widened by {@code metres} (a line on each side, an area outward), back in lon/lat. */
    static Geometry buffer(Geometry lonLat, double metres) {
        LocalMetres projection = new LocalMetres(lonLat.getCoordinates()[0]);
        return projection.toLonLat(projection.toMetres(lonLat).buffer(metres));
    }
}
