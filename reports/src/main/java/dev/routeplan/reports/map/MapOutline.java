package dev.routeplan.reports.map;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The land drawn under a route map, as outer rings of lon/lat positions ({@code [lon, lat]}).
 * Only for orientation: the bundled Delhi outline is hand-traced and approximate.
 *
 * <p>Read from GeoJSON (a FeatureCollection, a Feature or a bare geometry of Polygon or
 * MultiPolygon). GeoJSON is JSON and JSON is YAML, so it is parsed with SnakeYAML's safe loader,
 * as the rule pack's zones are, instead of adding a JSON library to this module.
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
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(geoJson);
        } catch (YAMLException e) {
            throw new MapOutlineException("outline " + source + " is not valid GeoJSON: " + e.getMessage(), e);
        }
        List<List<double[]>> rings = new ArrayList<>();
        String name = collect(tree, rings, source);
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

    private static String collect(Object node, List<List<double[]>> rings, String source) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new MapOutlineException("outline " + source + ": expected a GeoJSON object, found " + node, null);
        }
        String type = String.valueOf(map.get("type"));
        switch (type) {
            case "FeatureCollection" -> {
                String name = null;
                if (map.get("features") instanceof List<?> features) {
                    for (Object feature : features) {
                        String featureName = collect(feature, rings, source);
                        name = name == null ? featureName : name;
                    }
                }
                return name;
            }
            case "Feature" -> {
                collect(map.get("geometry"), rings, source);
                return map.get("properties") instanceof Map<?, ?> p && p.get("name") != null ? String.valueOf(p.get("name")) : null;
            }
            case "Polygon" -> rings.add(ring(first(map.get("coordinates"), source), source));
            case "MultiPolygon" -> {
                for (Object polygon : list(map.get("coordinates"), source)) {
                    rings.add(ring(first(polygon, source), source));
                }
            }
            default -> {
                // other geometries (points, lines) carry no land to shade
            }
        }
        return null;
    }

    /** The outer ring of a polygon; holes are ignored, a map outline only shades the land. */
    private static Object first(Object polygon, String source) {
        List<?> rings = list(polygon, source);
        if (rings.isEmpty()) {
            throw new MapOutlineException("outline " + source + ": polygon without rings", null);
        }
        return rings.get(0);
    }

    private static List<double[]> ring(Object positions, String source) {
        List<double[]> ring = new ArrayList<>();
        for (Object position : list(positions, source)) {
            List<?> p = list(position, source);
            if (p.size() < 2 || !(p.get(0) instanceof Number lon) || !(p.get(1) instanceof Number lat)
                    || Math.abs(lon.doubleValue()) > 180 || Math.abs(lat.doubleValue()) > 90) {
                throw new MapOutlineException("outline " + source + ": position " + position + " is not [lon, lat]", null);
            }
            ring.add(new double[] {lon.doubleValue(), lat.doubleValue()});
        }
        if (ring.size() < 4) {
            throw new MapOutlineException("outline " + source + ": a ring needs at least 4 positions, has " + ring.size(), null);
        }
        return ring;
    }

    private static List<?> list(Object value, String source) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new MapOutlineException("outline " + source + ": coordinates malformed, expected a list, found " + value, null);
    }
}
