package dev.routeplan.planning.domain;

/**
 * Where a planned route stands with compliance: stored as its name. A route is {@code PLANNED} until
 * the verifier has proved it, then {@code PASSED} (published to drivers) or {@code BLOCKED} (its
 * orders go back to the dispatcher as unassigned).
 */
public enum RouteStatus {
    PLANNED,
    PASSED,
    BLOCKED
}
