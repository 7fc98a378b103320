package dev.routeplan.planning.problem;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.ZoneNoEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Which straight legs between the problem's points enter which restricted zone, computed once per
 * solve. Conservative on purpose: the whole leg's time counts as inside when any part of it does,
 * so a plan the solver finds legal also passes the verifier, which times the inside part exactly.
 * A leg that only crosses a road (shorter inside than the zone's {@code minAlongMetres}, entering
 * and leaving) does not count, as in the verifier.
 */
public final class ZoneHits {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    // metres per degree at Delhi's latitude (28.6 N): enough to tell a crossing from a drive along
    private static final double METRES_PER_DEGREE_LAT = 111_200;
    private static final double METRES_PER_DEGREE_LON = 97_600;

    private record Grid(boolean[][] legs, boolean[] stops) {
    }

    private final Map<String, Grid> byZone = new HashMap<>();

    public ZoneHits(List<GeoPoint> points, List<ZoneNoEntry> zones) {
        for (ZoneNoEntry zone : zones) {
            byZone.computeIfAbsent(zone.zoneId(), id -> grid(points, zone));
        }
    }

    public boolean leg(String zoneId, int from, int to) {
        Grid grid = byZone.get(zoneId);
        return grid != null && grid.legs()[from][to];
    }

    public boolean stop(String zoneId, int point) {
        Grid grid = byZone.get(zoneId);
        return grid != null && grid.stops()[point];
    }

    private static Grid grid(List<GeoPoint> points, ZoneNoEntry zone) {
        int n = points.size();
        boolean[][] legs = new boolean[n][n];
        boolean[] stops = new boolean[n];
        for (Geometry area : zone.areas()) {
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
            boolean[] inside = new boolean[n];
            for (int i = 0; i < n; i++) {
                inside[i] = prepared.covers(GEOMETRY.createPoint(coordinate(points.get(i))));
                stops[i] |= inside[i];
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == j || legs[i][j]) {
                        continue;
                    }
                    LineString leg = GEOMETRY.createLineString(new Coordinate[] {coordinate(points.get(i)), coordinate(points.get(j))});
                    if (!prepared.intersects(leg)) {
                        continue;
                    }
                    legs[i][j] = inside[i] || inside[j] || metres(area.intersection(leg)) >= zone.minAlongMetres();
                }
            }
        }
        return new Grid(legs, stops);
    }

    private static double metres(Geometry inside) {
        double total = 0;
        Coordinate[] c = inside.getCoordinates();
        for (int k = 1; k < c.length; k++) {
            total += Math.hypot((c[k].x - c[k - 1].x) * METRES_PER_DEGREE_LON, (c[k].y - c[k - 1].y) * METRES_PER_DEGREE_LAT);
        }
        return total;
    }

    private static Coordinate coordinate(GeoPoint p) {
        return new Coordinate(p.lon(), p.lat());
    }
}
