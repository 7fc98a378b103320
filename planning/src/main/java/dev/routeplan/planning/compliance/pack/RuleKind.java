package dev.routeplan.planning.compliance.pack;

/** Which evaluator handles a rule. Decided once, when the pack is loaded. */
public enum RuleKind {
    /**
     * {@code mode: plying_in_zone}: the vehicle may not be on a road inside the rule's zone during
     * its windows, or all day once a GRAP stage is reached.
     */
    TIME_WINDOW,
    /**
     * {@code mode: entry}: a vehicle may not enter Delhi (cross its boundary inbound, or start inside it
     * when registered outside) while the rule is in force; with conservative presence, nor stay after entering.
     */
    ENTRY,
    /** Driver hours from the recomputed timeline (break, daily hours, spread-over, rest). */
    DRIVER_HOURS,
    /** Payload plus unladen weight within the registered GVW. */
    GROSS_WEIGHT,
    /** Laden weight within the legal GVW cap for the vehicle's axle count ({@code gvw_cap_by_axles_t}). */
    AXLE_GVW_CAP,
    /** A forecast escalation of GRAP; evaluated only where the data decides (no stage above IV). */
    GRAP_FORECAST,
    /** A No Entry Permission used as an exemption must cover the route's zones, times and date. */
    PERMIT_MATCH,
    /** Vehicle may not ply from the anniversary of its registration after N years. */
    AGE_LIMIT,
    /** A vehicle document (PUC, permit) must be valid through the end of the route. */
    DOCUMENT,
    /** Loaded and reported, but not evaluated yet; {@link Rule#notEvaluatedReason()} says why. */
    NOT_EVALUATED
}
