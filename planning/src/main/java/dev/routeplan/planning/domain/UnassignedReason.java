package dev.routeplan.planning.domain;

/** Why an accepted order was left out of every route. */
public enum UnassignedReason {
    /** The depot has no vehicle that may run on the plan date. */
    NO_ELIGIBLE_VEHICLE,
    /** Heavier or bulkier than the largest eligible vehicle of the depot. */
    EXCEEDS_CAPACITY,
    /** No eligible vehicle can reach the stop inside its window within its shift and legal hours. */
    WINDOW_UNREACHABLE,
    /** Feasible on its own, but the fleet's capacity and hours ran out. */
    FLEET_FULL,
    /** Planned on a route that the compliance verifier blocked; needs manual action. */
    BLOCKED_BY_COMPLIANCE
}
