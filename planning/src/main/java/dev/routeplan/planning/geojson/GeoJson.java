package dev.routeplan.planning.geojson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.json.simple.JSONValue;
import org.json.simple.parser.JSONParser;
import org.json.simple.parser.ParseException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads GeoJSON: a FeatureCollection, a Feature or a bare geometry, into JTS geometries in lon/lat,
 * the one reader of the rule pack's zones and the map outline. JTS's {@link GeoJsonReader} builds
 * the geometries; it keeps no feature properties and says only "could not parse Polygon" of a bad
 * position, so the JSON is first walked here to keep the properties and to name the problem.
 */
public record GeoJson(String type, List<GeoFeature> features) {

    private static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString",
            "Polygon", "MultiPolygon");
    /** Plain lon/lat, SRID 0, as the rest of the code builds its geometries. */
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    public GeoJson {
        features = List.copyOf(features);
    }

    /**
     * @param json    the file's text
     * @param unnamed how a feature without a {@code name} property is named: {@code unnamed[index]}
     * @throws GeoJsonException naming the problem and, for a problem in a feature, the feature
     *         ({@code feature 0 (Chandni Chowk): position [77.2, north] is not [lon, lat]})
     */
    public static GeoJson read(String json, String unnamed) {
        Object root;
        try {
            root = new JSONParser().parse(json);
        } catch (ParseException e) {
            throw new GeoJsonException("is not valid GeoJSON: " + e, e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new GeoJsonException("expected a GeoJSON object, found " + root, null);
        }
        String type = String.valueOf(map.get("type"));
        if (type.equals("FeatureCollection")) {
            if (!(map.get("features") instanceof List<?> list)) {
                throw new GeoJsonException("no features", null);
            }
            List<GeoFeature> features = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                features.add(feature(i, list.get(i), unnamed));
            }
            return new GeoJson(type, features);
        }
        if (type.equals("Feature")) {
            return new GeoJson(type, List.of(feature(0, map, unnamed)));
        }
        return new GeoJson(type, List.of(new GeoFeature(unnamed + "[0]", Map.of(), geometry(map, ""))));
    }

    private static GeoFeature feature(int index, Object node, String unnamed) {
        if (!(node instanceof Map<?, ?> f) || !(f.get("geometry") instanceof Map<?, ?> g)) {
            throw new GeoJsonException("feature " + index + " has no geometry", null);
        }
        Map<String, Object> properties = new HashMap<>();
        if (f.get("properties") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> {
                if (v != null) {
                    properties.put(String.valueOf(k), v);
                }
            });
        }
        String name = properties.get("name") == null ? unnamed + "[" + index + "]" : String.valueOf(properties.get("name"));
        return new GeoFeature(name, properties, geometry(g, "feature " + index + " (" + name + "): "));
    }

    private static Geometry geometry(Map<?, ?> node, String where) {
        String type = String.valueOf(node.get("type"));
        if (!GEOMETRY_TYPES.contains(type)) {
            throw new GeoJsonException(where + "unsupported geometry type " + type, null);
        }
        Object coordinates = node.get("coordinates");
        switch (type) {
            case "Point" -> position(coordinates, where);
            case "MultiPoint" -> positions(coordinates, where);
            case "LineString" -> line(coordinates, where);
            case "MultiLineString" -> list(coordinates, where).forEach(l -> line(l, where));
            case "Polygon" -> polygon(coordinates, where);
            default -> list(coordinates, where).forEach(p -> polygon(p, where));
        }
        try {
            return new GeoJsonReader(GEOMETRY).read(JSONValue.toJSONString(node));
        } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
            throw new GeoJsonException(where + "cannot be read as " + type + ": " + e.getMessage(), e);
        }
    }

    private static void polygon(Object rings, String where) {
        List<?> list = list(rings, where);
        if (list.isEmpty()) {
            throw new GeoJsonException(where + "polygon without rings", null);
        }
        for (Object ring : list) {
            List<List<?>> positions = positions(ring, where);
            if (positions.size() < 4 || !positions.get(0).equals(positions.get(positions.size() - 1))) {
                throw new GeoJsonException(where + "polygon ring must be closed and have at least 4 positions", null);
            }
        }
    }

    private static void line(Object positions, String where) {
        if (positions(positions, where).size() < 2) {
            throw new GeoJsonException(where + "line needs at least 2 positions", null);
        }
    }

    private static List<List<?>> positions(Object value, String where) {
        List<List<?>> result = new ArrayList<>();
        list(value, where).forEach(p -> result.add(position(p, where)));
        return result;
    }

    private static List<?> position(Object value, String where) {
        List<?> p = list(value, where);
        if (p.size() < 2 || !(p.get(0) instanceof Number lon) || !(p.get(1) instanceof Number lat)) {
            throw new GeoJsonException(where + "position " + shown(p) + " is not [lon, lat]", null);
        }
        if (Math.abs(lon.doubleValue()) > 180 || Math.abs(lat.doubleValue()) > 90) {
            throw new GeoJsonException(where + "position " + shown(p) + " is outside lon/lat range", null);
        }
        return List.of(lon.doubleValue(), lat.doubleValue());
    }

    /** As the sender wrote it, without JSON quotes: {@code [77.2375, north]}. */
    private static String shown(List<?> position) {
        return position.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    private static List<?> list(Object value, String where) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new GeoJsonException(where + "coordinates malformed: expected a list, found " + value, null);
    }
}
