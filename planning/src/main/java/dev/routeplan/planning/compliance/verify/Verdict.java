package dev.routeplan.planning.compliance.verify;

/** The outcome of one check of one route. */
public enum Verdict {
    PASS,
    FAIL,
    /** The rule applies and would fail, but an exemption of the rule is proven by data. */
    EXEMPT,
    /** The rule does not cover this vehicle, date or GRAP stage. */
    NOT_APPLICABLE,
    /** The engine cannot evaluate the rule yet (e.g. zone geometry missing); the message says why. */
    NOT_EVALUATED
}
