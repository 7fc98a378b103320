package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.GrapStageChange;
import dev.routeplan.planning.compliance.pack.Rule;
import dev.routeplan.planning.compliance.pack.RuleKind;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RuleWindow;
import dev.routeplan.planning.compliance.pack.VehicleStanding;
import dev.routeplan.planning.compliance.pack.Zone;
import dev.routeplan.planning.domain.ClockTime;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks every rule of the pack against one route, on the recomputed timeline.
 *
 * <ul>
 *   <li>{@code plying_in_zone}: the stretches in which the vehicle is on a road inside the zone
 *       ({@link ZonePresence}) against the rule's windows, dates and the GRAP stage in force at
 *       each moment; any overlap of half-open intervals is a violation.</li>
 *   <li>{@code entry}: depots are inside Delhi, so a vehicle registered outside Delhi (NON_DL) is
 *       taken to enter Delhi when it leaves the depot; with {@code conservative_presence} the
 *       whole route counts as presence in Delhi, for Delhi-registered vehicles too.</li>
 *   <li>Exemptions only from data: ESSENTIAL_GOODS when every cargo category is essential,
 *       NO_ENTRY_PERMIT when a permit of the review covers the zone, time and date.
 *       EMERGENCY_VEHICLE and ESSENTIAL_SERVICE are never granted: no data carries them yet.</li>
 * </ul>
 */
final class PackRuleChecks {

    private static final String NO_ENTRY_PERMIT = "NO_ENTRY_PERMIT";
    private static final Map<String, String> UNPROVABLE = Map.of(
            "EMERGENCY_VEHICLE", "no data carries the vehicle's use (ambulance, fire, police, enforcement)",
            "ESSENTIAL_SERVICE", "no data carries an essential-service contract reference");

    private final RulePack pack;
    private final RouteUnderReview review;
    private final RouteTimeline timeline;
    private final PlanClock clock;
    private final Set<String> cargoCategories;
    private final PermitCoverage permits;
    /** Permit use per zone rule, for DL-DOC-NO-ENTRY-PERMIT: permits that covered, stretches left uncovered. */
    private final Map<String, PermitUse> permitUse = new LinkedHashMap<>();

    private record PermitUse(Set<String> used, List<Map<String, Object>> uncovered) {
    }

    private record Stretch(long start, long end, int stage) {
    }

    PackRuleChecks(RulePack pack, RouteUnderReview review, RouteTimeline timeline) {
        this.pack = pack;
        this.review = review;
        this.timeline = timeline;
        this.clock = new PlanClock(review.planDate());
        this.cargoCategories = cargoCategories(review.ordersInStopOrder());
        this.permits = new PermitCoverage(review.permits(), review.vehicle().id(), review.planDate());
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

    /** All pack rules in pack order (permit matching last, as it needs the zone results), then ECC. */
    List<RuleCheck> all() {
        Map<String, RuleCheck> byId = new LinkedHashMap<>();
        pack.rules().forEach(r -> byId.put(r.id(), null));
        for (Rule rule : pack.rules()) {
            if (rule.kind() != RuleKind.PERMIT_MATCH) {
                byId.put(rule.id(), check(rule));
            }
        }
        for (Rule rule : pack.rules()) {
            if (rule.kind() == RuleKind.PERMIT_MATCH) {
                byId.put(rule.id(), check(rule));
            }
        }
        List<RuleCheck> result = new ArrayList<>(byId.values());
        if (pack.ecc() != null) {
            result.add(EccCheck.check(pack, review.vehicle(), timeline, clock));
        }
        return result;
    }

    RuleCheck check(Rule rule) {
        Map<String, Object> evidence = baseEvidence(rule);
        if (!rule.enabled()) {
            // not "does not apply": nobody looked, because the pack switched the rule off
            evidence.put("rule_enabled", false);
            return result(rule, Verdict.NOT_EVALUATED, "disabled in the pack (enabled: false): not evaluated", evidence);
        }
        return switch (rule.kind()) {
            case TIME_WINDOW -> plyingInZone(rule, evidence);
            case ENTRY -> entry(rule, evidence);
            case AGE_LIMIT, DOCUMENT -> deadline(rule, evidence);
            case DRIVER_HOURS -> DriverHoursCheck.check(rule, timeline, clock, evidence);
            case GROSS_WEIGHT -> grossWeight(rule, evidence);
            case PERMIT_MATCH -> permitMatch(rule, evidence);
            case NOT_EVALUATED -> result(rule, Verdict.NOT_EVALUATED, rule.notEvaluatedReason(), evidence);
        };
    }

    // ---- plying_in_zone ----

    private RuleCheck plyingInZone(Rule rule, Map<String, Object> evidence) {
        Vehicle v = review.vehicle();
        if (!rule.appliesTo().covers(v, pack.classChain(v.vehicleClass()))) {
            return result(rule, Verdict.NOT_APPLICABLE, "applies_to does not cover " + VehicleStanding.describe(v), evidence);
        }
        Zone zone = pack.zones().get(rule.zone());
        evidence.put("zone", zone.id());
        evidence.put("zone_geometry", zone.file() + " sha256:" + zone.fileSha256() + (zone.approximate() ? " (approximate)" : ""));
        Optional<RuleCheck> belowStage = belowStage(rule, evidence, timeline.departureSeconds(), timeline.returnSeconds());
        if (belowStage.isPresent()) {
            return belowStage.get();
        }
        List<Map<String, Object>> violations = new ArrayList<>();
        List<long[]> banned = new ArrayList<>();
        List<ZonePresence.Interval> uncoveredByPermit = new ArrayList<>();
        List<Map<String, Object>> uncoveredEvidence = new ArrayList<>();
        Set<String> permitsUsed = new LinkedHashSet<>();
        for (ZonePresence.Interval p : ZonePresence.of(zone, timeline)) {
            for (Stretch s : active(rule, p.startSeconds(), p.endSeconds())) {
                Map<String, Object> violation = violation(rule, p.feature(), p.where(), s);
                violations.add(violation);
                banned.add(new long[] {s.start(), s.end()});
                if (rule.allowsExemption(NO_ENTRY_PERMIT)) {
                    PermitCoverage.Result covered = permits.cover(zone.id(), p.feature(), s.start(), s.end());
                    permitsUsed.addAll(covered.usedPermits());
                    for (long[] left : covered.uncovered()) {
                        uncoveredByPermit.add(p);
                        uncoveredEvidence.add(violation(rule, p.feature(), p.where(), new Stretch(left[0], left[1], s.stage())));
                    }
                }
            }
        }
        if (violations.isEmpty()) {
            return result(rule, Verdict.PASS, "on roads in " + zone.id() + " only outside the rule's windows", evidence);
        }
        long[] first = TimeSpans.merge(banned).get(0);
        evidence.put("banned_from", iso(first[0]));
        evidence.put("banned_until", iso(first[1]));
        evidence.put("violations", violations);
        String message = "on a road in " + zone.id() + " (" + violations.get(0).get("feature") + ") "
                + iso(first[0]) + " to " + iso(first[1]) + " while " + rule.title();
        Optional<String> essential = pack.exemptionProof(rule, cargoCategories);
        if (essential.isPresent()) {
            evidence.put("exemption", essential.get());
            return result(rule, Verdict.EXEMPT, message + "; exempt by " + essential.get(), evidence);
        }
        if (rule.allowsExemption(NO_ENTRY_PERMIT) && permits.anyPresented()) {
            permitUse.put(rule.id(), new PermitUse(permitsUsed, uncoveredEvidence));
            evidence.put("permits_presented", permits.permitNumbers());
            if (uncoveredEvidence.isEmpty()) {
                evidence.put("exemption", NO_ENTRY_PERMIT + ": permit " + String.join(", ", permitsUsed)
                        + " covers every stretch (zone, time, date)");
                evidence.put("permit_no", String.join(", ", permitsUsed));
                return result(rule, Verdict.EXEMPT, message + "; exempt by No Entry Permission "
                        + String.join(", ", permitsUsed), evidence);
            }
            evidence.put("not_covered_by_permit", uncoveredEvidence);
            message += "; permit " + permits.permitNumbers() + " does not cover " + uncoveredEvidence.get(0).get("from")
                    + " to " + uncoveredEvidence.get(0).get("until") + " in " + uncoveredByPermit.get(0).feature();
        }
        notGranted(rule, evidence);
        return result(rule, Verdict.FAIL, message, evidence);
    }

    private Map<String, Object> violation(Rule rule, String feature, String where, Stretch s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("feature", feature);
        v.put("where", where);
        v.put("from", iso(s.start()));
        v.put("until", iso(s.end()));
        v.put("window", windows(rule));
        if (rule.when().grapStageGte() > 0) {
            v.put("grap_stage", s.stage());
        }
        return v;
    }

    // ---- entry ----

    private RuleCheck entry(Rule rule, Map<String, Object> evidence) {
        Vehicle v = review.vehicle();
        if (!rule.appliesTo().covers(v, pack.classChain(v.vehicleClass()))) {
            return result(rule, Verdict.NOT_APPLICABLE, "applies_to does not cover " + VehicleStanding.describe(v), evidence);
        }
        Set<String> triggering = rule.appliesTo().cargoCategories();
        if (!triggering.isEmpty()) {
            Set<String> carried = new TreeSet<>(cargoCategories);
            carried.retainAll(triggering.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
            if (carried.isEmpty()) {
                return result(rule, Verdict.NOT_APPLICABLE, "the route carries none of " + new TreeSet<>(triggering), evidence);
            }
            evidence.put("cargo_matched", List.copyOf(carried));
        }
        long dep = timeline.departureSeconds();
        long ret = timeline.returnSeconds();
        boolean outside = !v.registeredInDelhi();
        if (!outside && !rule.conservativePresence()) {
            return result(rule, Verdict.NOT_APPLICABLE, "registered in Delhi: the route starts inside Delhi and never"
                    + " enters it", evidence);
        }
        long to = rule.conservativePresence() ? ret : dep + 1;
        evidence.put("entry_event", outside
                ? "depot departure " + iso(dep) + ": depots are inside Delhi, so a vehicle registered outside Delhi"
                        + " is taken to enter Delhi when its route starts"
                : "none: registered in Delhi");
        if (rule.conservativePresence()) {
            evidence.put("presence", "conservative_presence: the whole route " + iso(dep) + " to " + iso(ret)
                    + " counts as presence in Delhi");
        }
        Optional<RuleCheck> belowStage = belowStage(rule, evidence, dep, to);
        if (belowStage.isPresent()) {
            return belowStage.get();
        }
        List<Stretch> active = active(rule, dep, to);
        if (active.isEmpty()) {
            return rule.when().inForceOn(clock.at(dep).toLocalDate()) || rule.conservativePresence()
                    ? result(rule, Verdict.PASS, "not in force at entry", evidence)
                    : result(rule, Verdict.NOT_APPLICABLE, "not in force on " + clock.at(dep).toLocalDate(), evidence);
        }
        Stretch first = active.get(0);
        LocalDate day = clock.at(first.start()).toLocalDate();
        evidence.put("in_force_from", iso(first.start()));
        Optional<String> allowed = rule.allowance().allows(v, day);
        if (allowed.isPresent()) {
            evidence.put("allowed", allowed.get());
            return result(rule, Verdict.PASS, VehicleStanding.describe(v) + ": " + allowed.get(), evidence);
        }
        String message = VehicleStanding.describe(v) + (outside ? " enters Delhi " : " is in Delhi ") + iso(first.start())
                + (rule.when().grapStageGte() > 0 ? " at GRAP stage " + first.stage() : "") + " while " + rule.title();
        Optional<String> essential = pack.exemptionProof(rule, cargoCategories);
        if (essential.isPresent()) {
            evidence.put("exemption", essential.get());
            return result(rule, Verdict.EXEMPT, message + "; exempt by " + essential.get(), evidence);
        }
        notGranted(rule, evidence);
        return result(rule, Verdict.FAIL, message, evidence);
    }

    // ---- GRAP and windows ----

    /** NOT_APPLICABLE when the rule needs a GRAP stage that no moment of {@code [from, to)} reaches. */
    private Optional<RuleCheck> belowStage(Rule rule, Map<String, Object> evidence, long from, long to) {
        int needed = rule.when().grapStageGte();
        if (needed == 0) {
            return Optional.empty();
        }
        int highest = review.grap().highestStage(review.planDate(), from, Math.max(to, from + 1));
        evidence.put("grap_stages_used", stages(from, Math.max(to, from + 1)));
        if (highest >= needed) {
            return Optional.empty();
        }
        return Optional.of(result(rule, Verdict.NOT_APPLICABLE, "GRAP stage " + highest + " is below " + needed
                + " over " + iso(from) + " to " + iso(Math.max(to, from + 1)), evidence));
    }

    /** The parts of {@code [from, to)} in which the rule is in force: window, date and GRAP stage. */
    private List<Stretch> active(Rule rule, long from, long to) {
        List<Stretch> result = new ArrayList<>();
        for (long[] o : rule.when().occurrences(review.planDate(), from, to)) {
            for (Stretch s : stagePieces(o[0], o[1])) {
                if (rule.when().stageReached(s.stage())) {
                    result.add(s);
                }
            }
        }
        return result;
    }

    /** {@code [from, to)} cut where the GRAP calendar changes, each piece with the stage then in force. */
    private List<Stretch> stagePieces(long from, long to) {
        long midnight = clock.at(0).toEpochSecond();
        TreeSet<Long> cuts = new TreeSet<>(List.of(from, to));
        for (GrapStageChange change : review.grap().changes()) {
            long at = change.effectiveFrom().toEpochSecond() - midnight;
            if (at > from && at < to) {
                cuts.add(at);
            }
        }
        List<Stretch> pieces = new ArrayList<>();
        Long previous = null;
        for (long cut : cuts) {
            if (previous != null) {
                pieces.add(new Stretch(previous, cut, review.grap().stageAt(review.planDate(), previous)));
            }
            previous = cut;
        }
        return pieces;
    }

    private List<String> stages(long from, long to) {
        return stagePieces(from, to).stream()
                .map(p -> "stage " + p.stage() + " " + iso(p.start()) + " to " + iso(p.end())).toList();
    }

    private static String windows(Rule rule) {
        if (rule.when().windows().isEmpty()) {
            return rule.when().grapStageGte() > 0 ? "all day at GRAP stage >= " + rule.when().grapStageGte() : "all day";
        }
        List<String> result = new ArrayList<>();
        for (RuleWindow w : rule.when().windows()) {
            result.add(ClockTime.format(w.startSecond()) + "-" + ClockTime.formatEnd(w.endSecond()));
        }
        return String.join(", ", result);
    }

    private void notGranted(Rule rule, Map<String, Object> evidence) {
        List<String> notGranted = new ArrayList<>();
        for (String token : rule.exemptions()) {
            if (UNPROVABLE.containsKey(token)) {
                notGranted.add(token + ": " + UNPROVABLE.get(token) + "; not granted");
            }
        }
        if (!notGranted.isEmpty()) {
            evidence.put("exemptions_not_granted", notGranted);
        }
    }

    // ---- DL-DOC-NO-ENTRY-PERMIT ----

    private RuleCheck permitMatch(Rule rule, Map<String, Object> evidence) {
        if (!permits.anyPresented()) {
            return result(rule, Verdict.NOT_APPLICABLE, "no No Entry Permission presented for vehicle "
                    + review.vehicle().id(), evidence);
        }
        evidence.put("permits_presented", permits.permitNumbers());
        List<String> failing = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        List<Map<String, Object>> uncovered = new ArrayList<>();
        permitUse.forEach((ruleId, use) -> {
            used.addAll(use.used());
            if (!use.uncovered().isEmpty()) {
                failing.add(ruleId);
                uncovered.addAll(use.uncovered());
            }
        });
        if (!failing.isEmpty()) {
            evidence.put("rules_not_covered", failing);
            evidence.put("not_covered", uncovered);
            return result(rule, Verdict.FAIL, "permit " + permits.permitNumbers() + " does not match the route: "
                    + uncovered.get(0).get("where") + " " + uncovered.get(0).get("from") + " to "
                    + uncovered.get(0).get("until") + " is outside its zones, window or validity (" + failing + ")", evidence);
        }
        if (used.isEmpty()) {
            return result(rule, Verdict.PASS, "permit presented but no stretch of the route needed it", evidence);
        }
        evidence.put("permit_no", String.join(", ", used));
        return result(rule, Verdict.PASS, "permit " + used + " covers the route's zones, times and date", evidence);
    }

    // ---- age and documents ----

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
        if (ok && standing.status() == VehicleStanding.Status.UNPROVEN) {
            return result(rule, Verdict.NOT_EVALUATED, standing.detail(), evidence);
        }
        return result(rule, ok ? Verdict.PASS : Verdict.FAIL,
                (ok ? "route ends in time: " : "route runs past the limit: ") + standing.detail(), evidence);
    }

    // ---- gross weight ----

    private RuleCheck grossWeight(Rule rule, Map<String, Object> evidence) {
        Vehicle v = review.vehicle();
        double payload = review.ordersInStopOrder().stream().mapToDouble(Order::weightKg).sum();
        double unladen = v.gvwKg() - v.capacityKg();
        double gross = payload + unladen;
        evidence.put("payload_kg", payload);
        evidence.put("unladen_kg", unladen);
        evidence.put("unladen_assumption", "unladen weight = gvw_kg - capacity_kg (the fleet master has no RC unladen weight)");
        evidence.put("gross_kg", gross);
        evidence.put("gvw_kg", v.gvwKg());
        boolean ok = gross <= v.gvwKg() + 1e-9;
        return result(rule, ok ? Verdict.PASS : Verdict.FAIL, "laden weight " + gross + " kg "
                + (ok ? "within" : "above") + " registered GVW " + v.gvwKg() + " kg", evidence);
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
        evidence.put("registration_date", String.valueOf(v.registrationDate()));
        evidence.put("gvw_kg", v.gvwKg());
        evidence.put("axles", v.axles());
        evidence.put("puc_valid_until", String.valueOf(v.pucValidUntil()));
        evidence.put("permit_valid_until", String.valueOf(v.permitValidUntil()));
        evidence.put("permit_states", v.permitStates().isEmpty() ? "not on record" : String.join(" ", v.permitStates()));
        evidence.put("grap_stage", review.grapStage());
        evidence.put("grap_source", review.grap().source());
        evidence.put("cargo_categories", List.copyOf(cargoCategories));
        evidence.put("rule_verified", rule.verified());
        evidence.put("rule_version", pack.id() + "@" + pack.version());
        evidence.put("rule_source", rule.legalSource());
        evidence.put("rule_refs", rule.refs());
        evidence.put("rule_citations", pack.citations(rule));
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
