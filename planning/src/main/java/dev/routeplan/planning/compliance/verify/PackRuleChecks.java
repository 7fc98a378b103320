package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.GrapCalendar;
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
import dev.routeplan.planning.domain.TimeWindow;
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
 *   <li>{@code entry}: the trigger is an entry into Delhi ({@link DelhiEntries}): an inbound
 *       crossing of the boundary along a leg, or, for a vehicle registered outside Delhi whose
 *       route starts inside it, an entry presumed at departure. A route without an entry is
 *       NOT_APPLICABLE (a Delhi-registered vehicle that never leaves is judged by the plying rules).
 *       With {@code conservative_presence} (the default) the rule is checked over the whole stay
 *       in Delhi each entry begins, not only the moment of entry.</li>
 *   <li>Rules the engine cannot evaluate are still NOT_APPLICABLE where the data decides (vehicle
 *       not covered, GRAP stage not reached, no entry); the fleet's vehicle class is checked
 *       against the pack's GVW bounds as {@code VEHICLE-CLASS-GVW}.</li>
 *   <li>Exemptions only from data: ESSENTIAL_GOODS per route, when every order on it is essential
 *       goods (a refusal names the orders that are not),
 *       NO_ENTRY_PERMIT when a permit of the review covers the zone, time and date.
 *       EMERGENCY_VEHICLE and ESSENTIAL_SERVICE are never granted: no data carries them yet.</li>
 * </ul>
 */
final class PackRuleChecks {

    private static final String NO_ENTRY_PERMIT = "NO_ENTRY_PERMIT";
    private static final String ENTRY_MODE = "entry";
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
    /** The route's entries into Delhi and stays there, computed once for all entry rules. */
    private DelhiEntries delhiEntries;

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

    /** All pack rules in pack order (permit matching last, as it needs the zone results), the class check, then ECC. */
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
        result.add(WeightChecks.vehicleClass(pack, review.vehicle()));
        if (pack.ecc() != null) {
            List<DelhiEntries.Entry> entries = delhiEntries().entries();
            result.add(EccCheck.check(pack, review.vehicle(), entries.isEmpty() ? null : entries.get(0).atSeconds(), clock));
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
            case DRIVER_HOURS -> DriverHoursCheck.check(rule, timeline, review.vehicle().shift(), clock, evidence);
            case GROSS_WEIGHT -> WeightChecks.grossWeight(rule, review.vehicle(), review.ordersInStopOrder(), evidence);
            case PERMIT_MATCH -> permitMatch(rule, evidence);
            case AXLE_GVW_CAP -> WeightChecks.axleCap(pack, rule, review.vehicle(), review.ordersInStopOrder(), evidence);
            case GRAP_FORECAST -> forecast(rule, evidence);
            case NOT_EVALUATED -> notEvaluated(rule, evidence);
        };
    }

    // ---- rules not evaluated, where the data still decides ----

    /**
     * A rule the engine cannot evaluate is still NOT_APPLICABLE when the data decides it: the
     * vehicle is not covered, the GRAP stage it needs is never reached, or (an entry rule) the
     * route never enters Delhi.
     */
    private RuleCheck notEvaluated(Rule rule, Map<String, Object> evidence) {
        Vehicle v = review.vehicle();
        String unevaluated = " (the rule itself is not evaluated yet: " + rule.notEvaluatedReason() + ")";
        if (!rule.appliesTo().covers(v, pack.classChain(v.vehicleClass()))) {
            return result(rule, Verdict.NOT_APPLICABLE, "applies_to does not cover " + VehicleStanding.describe(v)
                    + unevaluated, evidence);
        }
        Optional<RuleCheck> belowStage = belowStage(rule, evidence, timeline.departureSeconds(), timeline.returnSeconds());
        if (belowStage.isPresent()) {
            return result(rule, Verdict.NOT_APPLICABLE, belowStage.get().message() + unevaluated, evidence);
        }
        if (ENTRY_MODE.equals(rule.mode()) && RulePack.DELHI_NCT.equals(rule.zone()) && delhiEntries().entries().isEmpty()) {
            evidence.put("entry_event", "none: " + delhiEntries().whyNoEntry());
            return result(rule, Verdict.NOT_APPLICABLE, "no entry into Delhi on this route: " + delhiEntries().whyNoEntry()
                    + unevaluated, evidence);
        }
        return result(rule, Verdict.NOT_EVALUATED, rule.notEvaluatedReason(), evidence);
    }

    /** A forecast can only raise the stage: with the highest stage in force throughout, there is nothing to forecast. */
    private RuleCheck forecast(Rule rule, Map<String, Object> evidence) {
        long from = timeline.departureSeconds();
        long to = Math.max(timeline.returnSeconds(), from + 1);
        evidence.put("grap_stages_used", stages(from, to));
        int lowest = stagePieces(from, to).stream().mapToInt(Stretch::stage).min().orElse(0);
        if (lowest >= GrapCalendar.HIGHEST_STAGE) {
            return result(rule, Verdict.NOT_APPLICABLE, "GRAP stage " + GrapCalendar.HIGHEST_STAGE
                    + ", the highest, is in force over the whole route: no forecast can raise it", evidence);
        }
        return result(rule, Verdict.NOT_EVALUATED, rule.notEvaluatedReason(), evidence);
    }

    // ---- plying_in_zone ----

    private RuleCheck plyingInZone(Rule rule, Map<String, Object> evidence) {
        Vehicle v = review.vehicle();
        if (!rule.appliesTo().covers(v, pack.classChain(v.vehicleClass()))) {
            return result(rule, Verdict.NOT_APPLICABLE, "applies_to does not cover " + VehicleStanding.describe(v), evidence);
        }
        Zone zone = pack.zones().get(rule.zone());
        evidence.put("zone", zone.id());
        evidence.put("zone_geometry", zone.file() + " sha256:" + zone.fileSha256() + (zone.approximate() ? " (approximate)" : "")
                + (zone.bufferMetres() > 0 ? ", widened by " + Math.round(zone.bufferMetres()) + " m" : ""));
        Optional<RuleCheck> belowStage = belowStage(rule, evidence, timeline.departureSeconds(), timeline.returnSeconds());
        if (belowStage.isPresent()) {
            return belowStage.get();
        }
        List<Map<String, Object>> violations = new ArrayList<>();
        List<long[]> banned = new ArrayList<>();
        List<ZonePresence.Interval> uncoveredByPermit = new ArrayList<>();
        List<Map<String, Object>> uncoveredEvidence = new ArrayList<>();
        Set<String> permitsUsed = new LinkedHashSet<>();
        ZonePresence.Scan scan = ZonePresence.scan(zone, timeline);
        evidence.put("approximation", approximation(zone));
        List<Map<String, Object>> discounted = discounted(rule, zone, scan.discounted());
        if (!discounted.isEmpty()) {
            evidence.put("discounted_crossings", discounted);
        }
        for (ZonePresence.Interval p : scan.intervals()) {
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
            return result(rule, Verdict.PASS, "on roads in " + zone.id() + " only outside the rule's windows"
                    + margin(zone, discounted), evidence);
        }
        List<long[]> bannedSpans = TimeSpans.merge(banned);
        long[] first = bannedSpans.get(0);
        evidence.put("banned_from", iso(first[0]));
        evidence.put("banned_until", iso(first[1]));
        // every stretch the ban covers, not only the first: an officer redoes the verdict from these
        evidence.put("banned_intervals", bannedSpans.stream().map(b -> iso(b[0]) + " to " + iso(b[1])).toList());
        evidence.put("banned_seconds", bannedSpans.stream().mapToLong(b -> b[1] - b[0]).sum());
        evidence.put("violations", violations);
        String message = "on a road in " + zone.id() + " (" + violations.get(0).get("feature") + ") "
                + spans(bannedSpans) + " while " + rule.title();
        Optional<String> essential = pack.exemptionProof(rule, cargoCategories);
        if (essential.isPresent()) {
            evidence.put("exemption", essential.get());
            evidence.put("orders_goods", ordersGoods());
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

    /** How presence in the zone was found, so a verdict is not read as more exact than it is. */
    private static String approximation(Zone zone) {
        String legs = "approximate: legs are straight lines between stops (not the roads driven), timed by linear"
                + " interpolation of each leg's travel time";
        if (zone.minAlongMetres() <= 0) {
            return legs;
        }
        return legs + "; a leg that runs less than " + Math.round(zone.minAlongMetres()) + " m inside a road's corridor ("
                + Math.round(zone.bufferMetres()) + " m each side of its centre line) is taken to cross the road, not to ply"
                + " on it, and is listed under discounted_crossings";
    }

    /** The road crossings left out under {@code min_along_m}: where, when, how far inside, in the rule's hours or not. */
    private List<Map<String, Object>> discounted(Rule rule, Zone zone, List<ZonePresence.Crossing> crossings) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (ZonePresence.Crossing c : crossings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("feature", c.feature());
            row.put("where", c.where());
            row.put("entered_corridor_at", DelhiEntries.position(c.enteredAt()));
            row.put("from", iso(c.startSeconds()));
            row.put("until", iso(c.endSeconds()));
            row.put("metres_inside", Math.round(c.metresInside()));
            row.put("min_along_m", Math.round(zone.minAlongMetres()));
            row.put("in_rule_hours", !active(rule, c.startSeconds(), Math.max(c.endSeconds(), c.startSeconds() + 1)).isEmpty());
            result.add(row);
        }
        return result;
    }

    /** For a PASS: the discounted crossings in the rule's hours, the margin the verdict rests on. */
    private static String margin(Zone zone, List<Map<String, Object>> discounted) {
        if (zone.minAlongMetres() <= 0) {
            return "";
        }
        List<Map<String, Object>> inHours = discounted.stream().filter(d -> Boolean.TRUE.equals(d.get("in_rule_hours"))).toList();
        String approximate = " (approximate: straight legs, not roads)";
        if (inHours.isEmpty()) {
            return approximate;
        }
        Map<String, Object> closest = inHours.stream()
                .max(java.util.Comparator.comparingLong(d -> (Long) d.get("metres_inside"))).orElseThrow();
        return "; " + inHours.size() + " crossing" + (inHours.size() == 1 ? "" : "s") + " in the rule's hours discounted as"
                + " under " + Math.round(zone.minAlongMetres()) + " m inside (longest " + closest.get("metres_inside")
                + " m, " + closest.get("feature") + ", " + closest.get("where") + " from " + closest.get("from") + ")"
                + approximate;
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
        DelhiEntries delhi = delhiEntries();
        List<DelhiEntries.Stay> stays = delhi.staysAfterEntry();
        evidence.put("entries", stays.stream().map(s -> entryEvidence(s.entry())).toList());
        if (stays.isEmpty()) {
            evidence.put("entry_event", "none: " + delhi.whyNoEntry());
            return result(rule, Verdict.NOT_APPLICABLE, "no entry into Delhi on this route: " + delhi.whyNoEntry(), evidence);
        }
        DelhiEntries.Entry firstEntry = stays.get(0).entry();
        evidence.put("entry_event", firstEntry.how() + " " + iso(firstEntry.atSeconds()));
        // the trigger is the entry; conservative presence extends it over the stay it begins
        List<long[]> checked = new ArrayList<>();
        List<Map<String, Object>> checkedEvidence = new ArrayList<>();
        for (DelhiEntries.Stay stay : stays) {
            long from = stay.entry().atSeconds();
            long to = rule.conservativePresence() ? Math.max(stay.untilSeconds(), from + 1) : from + 1;
            checked.add(new long[] {from, to});
            Map<String, Object> span = new LinkedHashMap<>();
            span.put("from", iso(from));
            span.put("until", iso(to));
            span.put("ended", rule.conservativePresence() ? stay.ended() : "the moment of entry only");
            checkedEvidence.add(span);
        }
        evidence.put("presence", rule.conservativePresence()
                ? "conservative_presence: each stay in Delhi after an entry counts, until the vehicle leaves or the route ends"
                : "conservative_presence: false, only the moment of each entry counts");
        evidence.put("presence_checked", checkedEvidence);
        Optional<RuleCheck> belowStage = belowStage(rule, evidence, checked);
        if (belowStage.isPresent()) {
            return belowStage.get();
        }
        List<Stretch> active = new ArrayList<>();
        for (long[] span : checked) {
            for (Stretch s : active(rule, span[0], span[1])) {
                active.addAll(byDay(s));
            }
        }
        if (active.isEmpty()) {
            return result(rule, Verdict.NOT_APPLICABLE, "not in force at any moment in Delhi after an entry ("
                    + spans(checked) + ")", evidence);
        }
        evidence.put("in_force_from", iso(active.get(0).start()));
        List<Stretch> barred = new ArrayList<>();
        String allowedWhy = null;
        for (Stretch s : active) {
            Optional<String> allowed = rule.allowance().allows(v, clock.at(s.start()).toLocalDate());
            if (allowed.isPresent()) {
                allowedWhy = allowedWhy == null ? allowed.get() : allowedWhy;
            } else {
                barred.add(s);
            }
        }
        if (barred.isEmpty()) {
            evidence.put("allowed", allowedWhy);
            return result(rule, Verdict.PASS, VehicleStanding.describe(v) + ": " + allowedWhy, evidence);
        }
        List<long[]> barredSpans = TimeSpans.merge(barred.stream().map(s -> new long[] {s.start(), s.end()}).toList());
        evidence.put("barred_intervals", barredSpans.stream().map(b -> iso(b[0]) + " to " + iso(b[1])).toList());
        Stretch first = barred.get(0);
        String message = VehicleStanding.describe(v) + (firstEntry.presumed() ? " is in Delhi (entry presumed before departure) "
                : " enters Delhi ") + iso(firstEntry.atSeconds())
                + (rule.when().grapStageGte() > 0 ? ", GRAP stage " + first.stage() : "")
                + ", in Delhi under the rule " + spans(barredSpans) + ", while " + rule.title();
        Optional<String> essential = pack.exemptionProof(rule, cargoCategories);
        if (essential.isPresent()) {
            evidence.put("exemption", essential.get());
            evidence.put("orders_goods", ordersGoods());
            return result(rule, Verdict.EXEMPT, message + "; exempt by " + essential.get(), evidence);
        }
        notGranted(rule, evidence);
        return result(rule, Verdict.FAIL, message, evidence);
    }

    private DelhiEntries delhiEntries() {
        if (delhiEntries == null) {
            delhiEntries = DelhiEntries.of(pack.zones().get(RulePack.DELHI_NCT), timeline, review.vehicle(), review.depot().id());
        }
        return delhiEntries;
    }

    private Map<String, Object> entryEvidence(DelhiEntries.Entry e) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", iso(e.atSeconds()));
        entry.put("how", e.how());
        entry.put("position", DelhiEntries.position(e.position()));
        entry.put("presumed", e.presumed());
        return entry;
    }

    /** A stretch cut at each midnight (IST), so a rule whose allowance depends on the date is judged day by day. */
    private List<Stretch> byDay(Stretch s) {
        List<Stretch> pieces = new ArrayList<>();
        long from = s.start();
        while (from < s.end()) {
            long nextMidnight = (Math.floorDiv(from, TimeWindow.SECONDS_PER_DAY) + 1) * TimeWindow.SECONDS_PER_DAY;
            long to = Math.min(s.end(), nextMidnight);
            pieces.add(new Stretch(from, to, s.stage()));
            from = to;
        }
        return pieces;
    }

    private String spans(List<long[]> spans) {
        List<String> words = new ArrayList<>();
        for (long[] s : spans) {
            words.add(iso(s[0]) + " to " + iso(s[1]));
        }
        return String.join(", ", words);
    }

    // ---- GRAP and windows ----

    /** NOT_APPLICABLE when the rule needs a GRAP stage that no moment of {@code [from, to)} reaches. */
    private Optional<RuleCheck> belowStage(Rule rule, Map<String, Object> evidence, long from, long to) {
        return belowStage(rule, evidence, List.of(new long[] {from, to}));
    }

    /** As above, over several stretches (the stays in Delhi an entry rule checks). */
    private Optional<RuleCheck> belowStage(Rule rule, Map<String, Object> evidence, List<long[]> spans) {
        int needed = rule.when().grapStageGte();
        if (needed == 0) {
            return Optional.empty();
        }
        int highest = 0;
        List<String> used = new ArrayList<>();
        List<long[]> looked = new ArrayList<>();
        for (long[] span : spans) {
            long to = Math.max(span[1], span[0] + 1);
            highest = Math.max(highest, review.grap().highestStage(review.planDate(), span[0], to));
            used.addAll(stages(span[0], to));
            looked.add(new long[] {span[0], to});
        }
        evidence.put("grap_stages_used", used);
        if (highest >= needed) {
            return Optional.empty();
        }
        return Optional.of(result(rule, Verdict.NOT_APPLICABLE, "GRAP stage " + highest + " is below " + needed
                + " over " + spans(looked), evidence));
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
        if (rule.allowsExemption(RulePack.ESSENTIAL_GOODS)) {
            // per route: every order must be essential goods; name the ones that are not
            List<String> others = review.ordersInStopOrder().stream()
                    .filter(o -> !pack.allEssential(cargoCategories(List.of(o))))
                    .map(o -> o.id() + " (" + cargoCategories(List.of(o)).iterator().next() + ")").toList();
            notGranted.add(RulePack.ESSENTIAL_GOODS + ": not every order on the route is essential goods "
                    + new TreeSet<>(pack.essentialGoods()) + "; not essential: " + others + "; not granted");
        }
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
            // from the date itself, so it always names the same day as first_illegal_day
            evidence.put("may_ply_until", standing.firstIllegalDay().atStartOfDay(PlanClock.ZONE).toOffsetDateTime().toString());
        }
        if (ok && standing.status() == VehicleStanding.Status.UNPROVEN) {
            return result(rule, Verdict.NOT_EVALUATED, standing.detail(), evidence);
        }
        return result(rule, ok ? Verdict.PASS : Verdict.FAIL,
                (ok ? "route ends in time: " : "route runs past the limit: ") + standing.detail(), evidence);
    }

    /** Each order of the route with its goods type as read for the exemption, e.g. "ORD-1 (milk)". */
    private List<String> ordersGoods() {
        return review.ordersInStopOrder().stream()
                .map(o -> o.id() + " (" + cargoCategories(List.of(o)).iterator().next() + ")").toList();
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

    static RuleCheck result(Rule rule, Verdict verdict, String message, Map<String, Object> evidence) {
        return new RuleCheck(rule.id(), verdict, rule.severity(), message, evidence);
    }
}
