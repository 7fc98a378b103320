package dev.routeplan.reports.compliance;

/** How one rule came out across all routes of a run, one count per verdict; its source as the pack cites it. */
public record RuleTally(
        String ruleId,
        String title,
        String source,
        long pass,
        long fail,
        long exempt,
        long notApplicable,
        long notEvaluated,
        long charge) {

    public long total() {
        return pass + fail + exempt + notApplicable + notEvaluated + charge;
    }

    RuleTally plus(CheckLine check) {
        String name = title != null ? title : check.title();
        String cited = source != null && !source.isEmpty() ? source : check.source();
        return new RuleTally(ruleId, name, cited,
                pass + (check.is(CheckLine.PASS) ? 1 : 0),
                fail + (check.is(CheckLine.FAIL) ? 1 : 0),
                exempt + (check.is(CheckLine.EXEMPT) ? 1 : 0),
                notApplicable + (check.is(CheckLine.NOT_APPLICABLE) ? 1 : 0),
                notEvaluated + (check.is(CheckLine.NOT_EVALUATED) ? 1 : 0),
                charge + (check.is(CheckLine.CHARGE) ? 1 : 0));
    }

    static RuleTally none(String ruleId) {
        return new RuleTally(ruleId, null, null, 0, 0, 0, 0, 0, 0);
    }
}
