package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a planned route against the plan's own constraints and every rule of the pack. It does
 * not trust the solver: it recomputes the timeline from the departure time, the stop order and
 * the travel model, and reports one {@link RuleCheck} per rule, evaluated or not, so a reviewer
 * sees what was not checked as well as what was.
 */
public final class ComplianceVerifier {

    /** The check of the recomputed timeline, whose evidence holds the route's legs and names the travel model. */
    public static final String TIMELINE_CHECK = PlanChecks.TIMELINE;

    private final RulePack pack;
    private final TravelTimeProvider travel;

    public ComplianceVerifier(RulePack pack, TravelTimeProvider travel) {
        this.pack = pack;
        this.travel = travel;
    }

    public RouteVerdict verify(RouteUnderReview r) {
        RouteTimeline timeline = RouteTimeline.recompute(r, travel);
        List<RuleCheck> checks = new ArrayList<>(new PlanChecks(r, timeline, travel.describe()).all());
        checks.addAll(new PackRuleChecks(pack, r, timeline).all());
        return RouteVerdict.of(r.vehicle().id(), checks);
    }
}
