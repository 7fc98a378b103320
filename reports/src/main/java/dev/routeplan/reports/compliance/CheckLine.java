package dev.routeplan.reports.compliance;

/**
 * One rule checked against one route: the verdict, how much it matters, the message a person
 * reads and the evidence the verifier kept, as JSON text (kept verbatim; it may be null).
 *
 * @param source the rule's legal source as the pack cites it (order or notification, then the
 *               DELHI-RULES.md references), empty for the plan's own checks
 */
public record CheckLine(
        String ruleId,
        String title,
        String source,
        String verdict,
        String severity,
        String message,
        String evidenceJson) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String EXEMPT = "EXEMPT";
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    public static final String NOT_EVALUATED = "NOT_EVALUATED";
    /** A cost (the ECC): neither passed nor failed; the amount is in the evidence. */
    public static final String CHARGE = "CHARGE";

    public static final String HARD = "HARD";
    public static final String WARNING = "WARNING";

    /** A check without a cited source (the plan's own checks, or a line from before sources were kept). */
    public CheckLine(String ruleId, String title, String verdict, String severity, String message, String evidenceJson) {
        this(ruleId, title, "", verdict, severity, message, evidenceJson);
    }

    public boolean is(String wantedVerdict) {
        return wantedVerdict.equals(verdict);
    }

    public boolean failed() {
        return is(FAIL);
    }

    public boolean exempted() {
        return is(EXEMPT);
    }
}
