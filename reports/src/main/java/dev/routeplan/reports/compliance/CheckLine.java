package dev.routeplan.reports.compliance;

/**
 * One rule checked against one route: the verdict, how much it matters, the message a person
 * reads and the evidence the verifier kept, as JSON text (kept verbatim; it may be null).
 */
public record CheckLine(
        String ruleId,
        String title,
        String verdict,
        String severity,
        String message,
        String evidenceJson) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String EXEMPT = "EXEMPT";
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    public static final String NOT_EVALUATED = "NOT_EVALUATED";

    public static final String HARD = "HARD";
    public static final String WARNING = "WARNING";

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
