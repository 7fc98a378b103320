package dev.routeplan.planning.compliance;

import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every rule of the pack against one route. The vehicle is on Delhi roads for the whole
 * plying interval [departure, return), half-open: until zone geometry arrives, every route is
 * inside Delhi NCT and stops are not assumed to be off-street.
 */
final class PackRuleChecks {

    private final RulePack pack;
    private final RouteUnderReview review;
    private final RouteTimeline timeline;
    private final PlanClock clock;
    private final Set<String> cargoCategories;

    PackRuleChecks(RulePack pack, RouteUnderReview review, RouteTimeline timeline) {
        this.pack = pack;
        this.review = review;
        this.timeline = timeline;
        this.clock = new PlanClock(review.planDate());
        this.cargoCategories = cargoCategories(review.ordersInStopOrder());
    }

    /** Goods types in lower case; an order without one counts as "unspecified", which is not essential. */
    static Set<String> cargoCategories(List<Order> orders) {
        Set<String> categories = new LinkedHashSet<>();
        for (Order o : orders) {
            String type = o.goodsType();
            categories.add(type == null || type.isBlank() ? "unspecified" : type.trim().toLowerCase(Locale.ROOT));
        }
        return categories;
    }

    RuleCheck check(Rule rule) {
        Map<String, Object> evidence = baseEvidence(rule);
        if (!rule.enabled()) {
            return result(rule, Verdict.NOT_APPLICABLE, "disabled in the pack", evidence);
        }
        return switch (rule.kind()) {
            case TIME_WINDOW -> timeWindow(rule, evidence);
            case AGE_LIMIT, DOCUMENT -> deadline(rule, evidence);
            case NOT_EVALUATED -> result(rule, Verdict.NOT_EVALUATED, rule.notEvaluatedReason(), evidence);
        };
    }

    private RuleCheck timeWindow(Rule rule, Map<String, Object> evidence) {
        Vehicle v = review.vehicle();
        if (!rule.appliesTo().covers(v, pack.classChain(v.vehicleClass()))) {
            return result(rule, Verdict.NOT_APPLICABLE, "applies_to does not cover " + VehicleStanding.describe(v), evidence);
        }
        if (!rule.when().stageReached(review.grapStage())) {
            return result(rule, Verdict.NOT_APPLICABLE, "GRAP stage " + review.grapStage() + " is below "
                    + rule.when().grapStageGte(), evidence);
        }
        List<long[]> overlaps = rule.when().occurrences(review.planDate(),
                timeline.departureSeconds(), timeline.returnSeconds());
        if (overlaps.isEmpty()) {
            return result(rule, Verdict.PASS, "on Delhi roads only outside the rule's windows", evidence);
        }
        long[] first = overlaps.get(0);
        evidence.put("banned_from", iso(first[0]));
        evidence.put("banned_until", iso(first[1]));
        String banned = "on Delhi roads " + iso(first[0]) + " to " + iso(first[1]) + " while " + rule.title();
        Optional<String> proof = pack.exemptionProof(rule, cargoCategories);
        if (proof.isPresent()) {
            evidence.put("exemption", proof.get());
            return result(rule, Verdict.EXEMPT, banned + "; exempt by " + proof.get(), evidence);
        }
        return result(rule, Verdict.FAIL, banned, evidence);
    }

    /** Age and documents must hold through the end of the route, not only at departure. */
    private RuleCheck deadline(Rule rule, Map<String, Object> evidence) {
        VehicleStanding standing = VehicleStanding.of(pack, rule, review.vehicle());
        evidence.putAll(standing.facts());
        switch (standing.status()) {
            case NOT_APPLICABLE:
                return result(rule, Verdict.NOT_APPLICABLE, standing.detail(), evidence);
            case EXEMPT:
                return result(rule, Verdict.EXEMPT, standing.detail(), evidence);
            default:
                break;
        }
        long limit = RulePack.secondsFromPlanDate(review.planDate(), standing.firstIllegalDay());
        boolean ok = timeline.returnSeconds() <= limit;
        if (!standing.firstIllegalDay().equals(LocalDate.MIN)) {
            evidence.put("may_ply_until", iso(limit));
        }
        return result(rule, ok ? Verdict.PASS : Verdict.FAIL,
                (ok ? "route ends in time: " : "route runs past the limit: ") + standing.detail(), evidence);
    }

    private Map<String, Object> baseEvidence(Rule rule) {
        Vehicle v = review.vehicle();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("on_road_from", iso(timeline.departureSeconds()));
        evidence.put("on_road_until", iso(timeline.returnSeconds()));
        evidence.put("vehicle_class", v.vehicleClass().name());
        evidence.put("fuel", v.fuel().name());
        evidence.put("emission_norm", String.valueOf(v.emissionNorm()));
        evidence.put("registration_state", v.registrationState());
        evidence.put("grap_stage", review.grapStage());
        evidence.put("cargo_categories", List.copyOf(cargoCategories));
        evidence.put("rule_verified", rule.verified());
        evidence.put("pack", pack.id() + "@" + pack.version() + " sha256:" + pack.sha256());
        return evidence;
    }

    private String iso(long seconds) {
        return clock.at(seconds).toString();
    }

    private static RuleCheck result(Rule rule, Verdict verdict, String message, Map<String, Object> evidence) {
        return new RuleCheck(rule.id(), verdict, rule.severity(), message, evidence);
    }
}
