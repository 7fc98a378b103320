package dev.routeplan.batch.ingest;

import dev.routeplan.planning.domain.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The area orders must lie in, a polygon in lon/lat (WKT) from configuration. */
public final class ServiceArea {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final PreparedGeometry area;

    private ServiceArea(Geometry area) {
        this.area = PreparedGeometryFactory.prepare(area);
    }

    public static ServiceArea fromWkt(String wkt) {
        try {
            Geometry geometry = new WKTReader(GEOMETRY).read(wkt);
            if (geometry.getArea() <= 0 || !geometry.isValid()) {
                throw new IllegalArgumentException("service area is not a valid polygon: " + wkt);
            }
            return new ServiceArea(geometry);
        } catch (ParseException e) {
            throw new IllegalArgumentException("service area is not WKT: " + e.getMessage(), e);
        }
    }

    public boolean contains(GeoPoint point) {
        return area.covers(GEOMETRY.createPoint(new Coordinate(point.lon(), point.lat())));
    }
}
