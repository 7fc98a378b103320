package dev.routeplan.reports.map;

import dev.routeplan.planning.geojson.GeoFeature;
import dev.routeplan.planning.geojson.GeoJson;
import dev.routeplan.planning.geojson.GeoJsonException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The land drawn under a route map, as outer rings of lon/lat positions ({@code [lon, lat]}).
 * Only for orientation: the bundled Delhi outline is hand-traced and approximate.
 *
 * <p>Read from GeoJSON (a FeatureCollection, a Feature or a bare geometry of Polygon or
 * MultiPolygon) by planning's {@link GeoJson}, the reader of the rule pack's zones too.
 */
public record MapOutline(String name, List<List<double[]>> rings) {

    static final String DELHI_RESOURCE = "/dev/routeplan/reports/map/delhi-outline.geojson";

    public MapOutline {
        rings = rings.stream().map(List::copyOf).toList();
    }

    /** The approximate NCT of Delhi outline bundled with this module (also in {@code config/maps/}). */
    public static MapOutline delhi() {
        try (InputStream in = MapOutline.class.getResourceAsStream(DELHI_RESOURCE)) {
            if (in == null) {
                throw new MapOutlineException("outline " + DELHI_RESOURCE + " is not on the classpath", null);
            }
            return parse(DELHI_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MapOutlineException("outline " + DELHI_RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** An outline from a GeoJSON file, e.g. another city's. */
    public static MapOutline read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MapOutlineException("outline " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** An outline from GeoJSON text; {@code source} names it in errors. */
    public static MapOutline parse(String source, String geoJson) {
        GeoJson json;
        try {
            json = GeoJson.read(geoJson, source);
        } catch (GeoJsonException e) {
            String problem = e.getMessage().startsWith("is not valid") ? " " + e.getMessage() : ": " + e.getMessage();
            throw new MapOutlineException("outline " + source + problem, e);
        }
        List<List<double[]>> rings = new ArrayList<>();
        String name = null;
        for (GeoFeature feature : json.features()) {
            Geometry geometry = feature.geometry();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                // holes are ignored and other geometries (points, lines) carry no land: an outline only shades the land
                if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                    rings.add(ring(polygon));
                }
            }
            if (name == null && feature.properties().get("name") != null) {
                name = feature.name();
            }
        }
        if (rings.isEmpty()) {
            throw new MapOutlineException("outline " + source + " has no Polygon or MultiPolygon", null);
        }
        return new MapOutline(name == null ? source : name, rings);
    }

    /** Smallest and largest lon and lat of all rings: {minLon, minLat, maxLon, maxLat}. */
    public double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (List<double[]> ring : rings) {
            for (double[] p : ring) {
                b[0] = Math.min(b[0], p[0]);
                b[1] = Math.min(b[1], p[1]);
                b[2] = Math.max(b[2], p[0]);
                b[3] = Math.max(b[3], p[1]);
            }
        }
        return b;
    }

    private static List<double[]> ring(Polygon polygon) {
        List<double[]> ring = new ArrayList<>();
        for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
            ring.add(new double[] {c.x, c.y});
        }
        return ring;
    }
}
