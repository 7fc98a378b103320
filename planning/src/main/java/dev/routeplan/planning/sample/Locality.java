package dev.routeplan.planning.sample;

import dev.routeplan.planning.domain.GeoPoint;

/** A named Delhi locality with its postal pincode and an approximate centre. */
public record Locality(String name, String pincode, GeoPoint centre) {
}
