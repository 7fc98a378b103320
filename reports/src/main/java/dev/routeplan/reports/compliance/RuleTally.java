package dev.routeplan.reports.compliance;

/** How one rule came out across all routes of a run, one count per verdict. */
public record RuleTally(
        String ruleId,
        String title,
        long pass,
        long fail,
        long exempt,
        long notApplicable,
        long notEvaluated) {

    public long total() {
        return pass + fail + exempt + notApplicable + notEvaluated;
    }

    RuleTally plus(CheckLine check) {
        String name = title != null ? title : check.title();
        return new RuleTally(ruleId, name,
                pass + (check.is(CheckLine.PASS) ? 1 : 0),
                fail + (check.is(CheckLine.FAIL) ? 1 : 0),
                exempt + (check.is(CheckLine.EXEMPT) ? 1 : 0),
                notApplicable + (check.is(CheckLine.NOT_APPLICABLE) ? 1 : 0),
                notEvaluated + (check.is(CheckLine.NOT_EVALUATED) ? 1 : 0));
    }

    static RuleTally none(String ruleId) {
        return new RuleTally(ruleId, null, 0, 0, 0, 0, 0);
    }
}
