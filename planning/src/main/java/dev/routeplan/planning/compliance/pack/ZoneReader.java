package dev.routeplan.planning.compliance.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the {@code zones:} section of a pack and the GeoJSON file each zone names. GeoJSON is
 * JSON and JSON is YAML, so the file is parsed with the same safe SnakeYAML loader as the pack
 * and mapped to JTS by hand: only the simple subset the pack needs (a FeatureCollection of
 * Polygon, MultiPolygon, LineString and MultiLineString features). Roads ({@code buffer_m} set)
 * must be lines and are widened here; areas must be polygons. Any problem fails the load naming
 * the zone and the file.
 */
final class ZoneReader {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final Set<String> AREA_TYPES = Set.of("Polygon", "MultiPolygon");
    private static final Set<String> LINE_TYPES = Set.of("LineString", "MultiLineString");

    private final Path packDir;

    ZoneReader(Path packDir) {
        this.packDir = packDir;
    }

    Map<String, Zone> read(PackNode zones) {
        Map<String, Zone> result = new LinkedHashMap<>();
        for (String id : zones.keys()) {
            result.put(id, zone(id, zones.get(id)));
        }
        return result;
    }

    private Zone zone(String id, PackNode z) {
        PackNode geometry = z.get("geometry");
        if (geometry.isMissing()) {
            throw geometry.error("zone " + id + " has no geometry file");
        }
        String file = geometry.string();
        PackNode bufferNode = z.get("buffer_m");
        double buffer = bufferNode.isMissing() ? 0 : number(bufferNode);
        if (!bufferNode.isMissing() && buffer <= 0) {
            throw bufferNode.error("zone " + id + ": buffer_m must be positive, was " + buffer);
        }
        PackNode alongNode = z.get("min_along_m");
        double minAlong = alongNode.isMissing() ? 0 : number(alongNode);
        if (!alongNode.isMissing() && (buffer <= 0 || minAlong < 0)) {
            throw alongNode.error("zone " + id + ": min_along_m needs a road zone (buffer_m) and a non-negative value");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(packDir.resolve(file));
        } catch (IOException e) {
            throw geometry.error("zone " + id + ": cannot read geometry file " + file + ": " + e.getMessage());
        }
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(bytes, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw geometry.error("zone " + id + ": " + file + " is not valid GeoJSON: " + e.getMessage());
        }
        Problems at = new Problems(geometry, id, file);
        if (!(tree instanceof Map<?, ?> root) || !"FeatureCollection".equals(root.get("type"))) {
            throw at.error("not a GeoJSON FeatureCollection");
        }
        if (!(root.get("features") instanceof List<?> features) || features.isEmpty()) {
            throw at.error("no features");
        }
        List<ZoneFeature> result = new ArrayList<>();
        boolean approximate = false;
        for (int i = 0; i < features.size(); i++) {
            if (!(features.get(i) instanceof Map<?, ?> f) || !(f.get("geometry") instanceof Map<?, ?> g)) {
                throw at.error("feature " + i + " has no geometry");
            }
            Map<?, ?> properties = f.get("properties") instanceof Map<?, ?> p ? p : Map.of();
            String name = properties.get("name") == null ? id + "[" + i + "]" : String.valueOf(properties.get("name"));
            approximate |= Boolean.TRUE.equals(properties.get("approximate"));
            Problems featureAt = at.feature(i, name);
            String type = String.valueOf(g.get("type"));
            Geometry shape = shape(type, g.get("coordinates"), featureAt);
            if (buffer > 0) {
                if (!LINE_TYPES.contains(type)) {
                    throw featureAt.error("a road zone (buffer_m) needs LineString features, found " + type);
                }
                shape = LocalMetres.buffer(shape, buffer);
            } else if (!AREA_TYPES.contains(type)) {
                throw featureAt.error("an area zone needs Polygon features, found " + type + " (roads need buffer_m)");
            }
            if (!shape.isValid()) {
                throw featureAt.error("invalid geometry (self-intersecting or degenerate ring)");
            }
            result.add(new ZoneFeature(name, shape));
        }
        return new Zone(id, file, HexFormat.of().formatHex(RulePackLoader.digest(bytes)), buffer, result, approximate, minAlong);
    }

    private static Geometry shape(String type, Object coordinates, Problems at) {
        return switch (type) {
            case "Polygon" -> polygon(coordinates, at);
            case "MultiPolygon" -> GEOMETRY.createMultiPolygon(list(coordinates, at).stream()
                    .map(p -> polygon(p, at)).toArray(Polygon[]::new));
            case "LineString" -> line(coordinates, at);
            case "MultiLineString" -> GEOMETRY.createMultiLineString(list(coordinates, at).stream()
                    .map(l -> line(l, at)).toArray(org.locationtech.jts.geom.LineString[]::new));
            default -> throw at.error("unsupported geometry type " + type);
        };
    }

    private static Polygon polygon(Object rings, Problems at) {
        List<LinearRing> parsed = new ArrayList<>();
        for (Object ring : list(rings, at)) {
            Coordinate[] c = positions(ring, at);
            if (c.length < 4 || !c[0].equals2D(c[c.length - 1])) {
                throw at.error("polygon ring must be closed and have at least 4 positions");
            }
            parsed.add(GEOMETRY.createLinearRing(c));
        }
        if (parsed.isEmpty()) {
            throw at.error("polygon without rings");
        }
        return GEOMETRY.createPolygon(parsed.get(0), parsed.subList(1, parsed.size()).toArray(LinearRing[]::new));
    }

    private static org.locationtech.jts.geom.LineString line(Object positions, Problems at) {
        Coordinate[] c = positions(positions, at);
        if (c.length < 2) {
            throw at.error("line needs at least 2 positions");
        }
        return GEOMETRY.createLineString(c);
    }

    private static Coordinate[] positions(Object value, Problems at) {
        List<?> items = list(value, at);
        Coordinate[] result = new Coordinate[items.size()];
        for (int i = 0; i < items.size(); i++) {
            List<?> pos = list(items.get(i), at);
            if (pos.size() < 2 || !(pos.get(0) instanceof Number lon) || !(pos.get(1) instanceof Number lat)) {
                throw at.error("position " + items.get(i) + " is not [lon, lat]");
            }
            if (Math.abs(lon.doubleValue()) > 180 || Math.abs(lat.doubleValue()) > 90) {
                throw at.error("position " + items.get(i) + " is outside lon/lat range");
            }
            result[i] = new Coordinate(lon.doubleValue(), lat.doubleValue());
        }
        return result;
    }

    private static List<?> list(Object value, Problems at) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw at.error("coordinates malformed: expected a list, found " + value);
    }

    private static double number(PackNode node) {
        if (node.raw() instanceof Number n) {
            return n.doubleValue();
        }
        throw node.error("not a number \"" + node.raw() + "\"");
    }

    /** Errors point at the zone's {@code geometry} field and name the zone, the file and the feature. */
    private record Problems(PackNode geometry, String zone, String file) {

        Problems feature(int index, String name) {
            return new Problems(geometry, zone, file + ": feature " + index + " (" + name + ")");
        }

        RulePackException error(String problem) {
            return geometry.error("zone " + zone + ": " + file + ": " + problem);
        }
    }
}
