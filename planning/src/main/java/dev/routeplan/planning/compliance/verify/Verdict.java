package dev.routeplan.planning.compliance.verify;

/** The outcome of one check of one route. */
public enum Verdict {
    PASS,
    FAIL,
    /** The rule applies and would fail, but an exemption of the rule is proven by data. */
    EXEMPT,
    /** The rule does not cover this vehicle, date or GRAP stage. */
    NOT_APPLICABLE,
    /**
     * The engine did not evaluate the rule; the message says why: no evaluator yet, data missing,
     * or the rule is disabled in the pack ({@code enabled: false}, evidence {@code rule_enabled: false}).
     */
    NOT_EVALUATED,
    /**
     * A cost item (e.g. DL-ECC): the route may run, and pays the amount in the evidence
     * ({@code amount_inr}). Neither a pass nor a failure, so it is never counted as a passed check.
     */
    CHARGE
}
