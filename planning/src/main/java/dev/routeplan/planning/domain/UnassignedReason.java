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
    /* The solver's reasons for an order it left out: the hard rule that the least-bad place for it breaks. */
    /** Every route it could join would carry more than its vehicle's kg or m3. */
    CAPACITY,
    /** Every route it could join would reach it, or a stop after it, after the window closed. */
    WINDOW,
    /** Every route it could join would ply in no-entry hours or a restricted zone while closed. */
    NO_ENTRY,
    /** Every route it could join would come back after the vehicle's shift ends. */
    SHIFT_END,
    /** Every route it could join would break the driver-hours limits. */
    DRIVER_HOURS,
    /** Every route it could join would leave or return while the depot is closed. */
    DEPOT_HOURS,
    /** A route could take it without breaking a hard rule, but the search ended before placing it. */
    NOT_PLACED_IN_TIME,
    /** Planned on a route that the compliance verifier blocked; needs manual action. */
    BLOCKED_BY_COMPLIANCE
}
