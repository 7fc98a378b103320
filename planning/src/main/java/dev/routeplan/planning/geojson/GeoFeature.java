package dev.routeplan.planning.geojson;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a GeoJSON file, or the file's bare geometry.
 *
 * @param name       its {@code name} property, or a name made up from its place in the file
 * @param properties its {@code properties}, empty when it has none
 * @param geometry   in lon/lat (x = longitude, y = latitude)
 */
public record GeoFeature(String name, Map<String, Object> properties, Geometry geometry) {

    public GeoFeature {
        properties = Map.copyOf(properties);
    }
}
