package dev.routeplan.planning.compliance.pack;

import org.locationtech.jts.geom.Geometry;

/** One named area of a zone (a market, a road stretch) in lon/lat; roads already widened. */
public record ZoneFeature(String name, Geometry area) {
}
