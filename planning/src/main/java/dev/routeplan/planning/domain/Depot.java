package dev.routeplan.planning.domain;

/** A depot: where routes start and end, and the hours it dispatches and receives vehicles. */
public record Depot(String id, String name, GeoPoint location, TimeWindow openingHours) {
}
