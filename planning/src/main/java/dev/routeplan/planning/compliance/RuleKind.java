package dev.routeplan.planning.compliance;

/** Which evaluator handles a rule. Decided once, when the pack is loaded. */
public enum RuleKind {
    /** Vehicle may not ply in Delhi NCT during windows, or all day once a GRAP stage is reached. */
    TIME_WINDOW,
    /** Vehicle may not ply from the anniversary of its registration after N years. */
    AGE_LIMIT,
    /** A vehicle document (PUC, permit) must be valid through the end of the route. */
    DOCUMENT,
    /** Loaded and reported, but not evaluated yet; {@link Rule#notEvaluatedReason()} says why. */
    NOT_EVALUATED
}
