package dev.routeplan.planning.domain;

/** An accepted order that no route serves, with a reason a planner can act on. */
public record UnassignedOrder(String orderId, String depotId, UnassignedReason reason, String detail) {
}
