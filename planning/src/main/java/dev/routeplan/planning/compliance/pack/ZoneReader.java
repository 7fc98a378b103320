package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.digest.Sha256;
import dev.routeplan.planning.geojson.GeoFeature;
import dev.routeplan.planning.geojson.GeoJson;
import dev.routeplan.planning.geojson.GeoJsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the {@code zones:} section of a pack and the GeoJSON file each zone names, through
 * {@link GeoJson}: a FeatureCollection of Polygon, MultiPolygon, LineString, MultiLineString,
 * Point and MultiPoint features. Roads ({@code buffer_m} set)
 * must be lines and are widened here; areas must be polygons. An area with {@code margin_m} is
 * widened outward by that many metres, so a hand-drawn outline errs outside, and may also name
 * points (a market's centre), which become discs of that radius. Any problem fails the load
 * naming the zone and the file.
 */
final class ZoneReader {

    private static final Set<String> AREA_TYPES = Set.of("Polygon", "MultiPolygon");
    private static final Set<String> LINE_TYPES = Set.of("LineString", "MultiLineString");
    private static final Set<String> POINT_TYPES = Set.of("Point", "MultiPoint");

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
        PackNode marginNode = z.get("margin_m");
        double margin = marginNode.isMissing() ? 0 : number(marginNode);
        if (!marginNode.isMissing() && (margin <= 0 || buffer > 0)) {
            throw marginNode.error("zone " + id + ": margin_m widens an area zone and must be positive; roads use buffer_m");
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
        Problems at = new Problems(geometry, id, file);
        GeoJson json;
        try {
            json = GeoJson.read(new String(bytes, StandardCharsets.UTF_8), id);
        } catch (GeoJsonException e) {
            String problem = e.getMessage();
            throw problem.startsWith("is not valid") ? geometry.error("zone " + id + ": " + file + " " + problem) : at.error(problem);
        }
        if (!json.type().equals("FeatureCollection")) {
            throw at.error("not a GeoJSON FeatureCollection");
        }
        if (json.features().isEmpty()) {
            throw at.error("no features");
        }
        List<ZoneFeature> result = new ArrayList<>();
        boolean approximate = false;
        for (int i = 0; i < json.features().size(); i++) {
            GeoFeature feature = json.features().get(i);
            approximate |= Boolean.TRUE.equals(feature.properties().get("approximate"));
            Problems featureAt = at.feature(i, feature.name());
            Geometry shape = feature.geometry();
            String type = shape.getGeometryType();
            if (buffer > 0) {
                if (!LINE_TYPES.contains(type)) {
                    throw featureAt.error("a road zone (buffer_m) needs LineString features, found " + type);
                }
                shape = LocalMetres.buffer(shape, buffer);
            } else if (margin > 0) {
                if (!AREA_TYPES.contains(type) && !POINT_TYPES.contains(type)) {
                    throw featureAt.error("an area zone with margin_m needs Polygon or Point features, found " + type);
                }
                shape = LocalMetres.buffer(shape, margin);
            } else if (!AREA_TYPES.contains(type)) {
                throw featureAt.error("an area zone needs Polygon features, found " + type + " (roads need buffer_m)");
            }
            if (!shape.isValid()) {
                throw featureAt.error("invalid geometry (self-intersecting or degenerate ring)");
            }
            result.add(new ZoneFeature(feature.name(), shape));
        }
        return new Zone(id, file, Sha256.hex(bytes), buffer > 0 ? buffer : margin, result, approximate, minAlong);
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
