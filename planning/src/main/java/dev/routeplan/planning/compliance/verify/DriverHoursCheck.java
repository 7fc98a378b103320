package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.Rule;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.domain.TimeWindow;
import java.util.List;
import java.util.Map;

/**
 * The driver-hours rules of the pack (MTW Act 1961 / OSH Code 2020) on the recomputed timeline:
 * continuous work without a break, work on the duty day, spread-over, rest between duties. The
 * limits are the rule's {@code params} (whole minutes), compared in seconds: a duty 30 s over a
 * limit fails. What counts as work and as a break is {@link DriverDuty}'s.
 *
 * <p>The MTW s.15 proviso (no rest interval needed on a day of at most 6 h of work) is the
 * param {@code break_not_needed_if_day_work_le_min}. Rest between duties: the review carries only
 * this route, so it is bounded, under the same one-route-per-day assumption, by the vehicle's
 * shift: the previous duty ended by yesterday's shift end at the latest, the next one starts (with
 * loading) no earlier than tomorrow's shift start.
 */
final class DriverHoursCheck {

    static final String LOADING = "depot_loading_min";
    static final String PROVISO = "break_not_needed_if_day_work_le_min";

    private DriverHoursCheck() {
    }

    static RuleCheck check(Rule rule, RouteTimeline timeline, TimeWindow shift, PlanClock clock, Map<String, Object> evidence) {
        long minBreak = rule.params().getOrDefault("min_break_min", 0) * 60L;
        long loading = rule.params().getOrDefault(LOADING, 0) * 60L;
        DriverDuty duty = DriverDuty.of(timeline, Math.max(minBreak, 1), loading);
        evidence.put("duty_day", clock.at(duty.startSeconds()).toLocalDate().toString());
        evidence.put("duty_from", iso(clock, duty.startSeconds()));
        evidence.put("depot_loading_min", loading / 60);
        evidence.put("departure", iso(clock, duty.departureSeconds()));
        evidence.put("duty_until", iso(clock, duty.endSeconds()));
        evidence.put("work_rule", "work = loading at the depot + driving + waits for a window (on the road) + service;"
                + " a break = a rest at the premises after service of at least " + minBreak / 60 + " min");
        if (!duty.waits().isEmpty()) {
            evidence.put("waits_counted_as_work", spans(clock, duty.waits()));
        }
        evidence.put("day_rule", "a duty crossing midnight counts to the day it started (MTW Act s.2)");
        evidence.put("assumption", "one route per driver per day; other duties of the driver are not in the review");
        evidence.put("work", duration(duty.workSeconds()));
        evidence.put("work_s", duty.workSeconds());
        switch (rule.check()) {
            case "driver_break" -> {
                long[] longest = duty.longestBlock();
                long seconds = longest[1] - longest[0];
                long limit = rule.param("max_continuous_driving_min") * 60L;
                evidence.put("longest_continuous_work", duration(seconds));
                evidence.put("longest_continuous_work_s", seconds);
                evidence.put("longest_work_from", iso(clock, longest[0]));
                evidence.put("longest_work_until", iso(clock, longest[1]));
                evidence.put("breaks", spans(clock, duty.breaks()));
                Integer proviso = rule.params().get(PROVISO);
                if (proviso != null && seconds > limit && duty.workSeconds() <= proviso * 60L) {
                    evidence.put("proviso", "MTW Act s.15 proviso: no rest interval is needed on a day of at most "
                            + proviso + " min of work");
                    return result(rule, Verdict.PASS, "no break needed: " + duration(duty.workSeconds()) + " of work on the"
                            + " duty day, at most " + duration(proviso * 60L) + " (MTW s.15 proviso); "
                            + duration(seconds) + " of continuous work", evidence);
                }
                boolean ok = seconds <= limit;
                return result(rule, ok ? Verdict.PASS : Verdict.FAIL, (ok ? "" : "no break of "
                        + rule.param("min_break_min") + " min: ") + duration(seconds) + " of continuous work (loading,"
                        + " driving, waits and service), limit " + duration(limit), evidence);
            }
            case "driver_daily_hours" -> {
                long limit = rule.param("max_duty_min_per_day") * 60L;
                boolean ok = duty.workSeconds() <= limit;
                return result(rule, ok ? Verdict.PASS : Verdict.FAIL, duration(duty.workSeconds()) + " of work on the"
                        + " duty day " + evidence.get("duty_day") + ", limit " + duration(limit), evidence);
            }
            case "driver_spread_over" -> {
                long seconds = duty.spreadOverSeconds();
                long limit = rule.param("max_spread_over_min") * 60L;
                evidence.put("spread_over", duration(seconds));
                evidence.put("spread_over_s", seconds);
                boolean ok = seconds <= limit;
                return result(rule, ok ? Verdict.PASS : Verdict.FAIL, "spread-over " + duration(seconds) + ", limit "
                        + duration(limit), evidence);
            }
            case "driver_rest_between_duties" -> {
                return restBetweenDuties(rule, duty, shift, loading, clock, evidence);
            }
            default -> {
                return result(rule, Verdict.NOT_EVALUATED, "check " + rule.check() + " is not implemented", evidence);
            }
        }
    }

    /**
     * The rest before this duty and after it, at the least the shift allows: the occurrence of the
     * shift the route lies in bounds this duty; the day before's ends the previous duty, the day
     * after's starts the next one, loading first.
     */
    private static RuleCheck restBetweenDuties(Rule rule, DriverDuty duty, TimeWindow shift, long loading, PlanClock clock,
                                               Map<String, Object> evidence) {
        long limit = rule.param("min_rest_between_duties_min") * 60L;
        evidence.put("shift", shift.toString());
        Long day = null;
        for (long d = -1; d <= 1 && day == null; d++) {
            long offset = d * TimeWindow.SECONDS_PER_DAY;
            if (duty.departureSeconds() >= shift.startSeconds() + offset && duty.endSeconds() <= shift.endSeconds() + offset) {
                day = d;
            }
        }
        if (day == null) {
            return result(rule, Verdict.NOT_EVALUATED, "the route lies outside every day's shift " + shift
                    + " (see PLAN-SHIFT), so the shift bounds neither the previous duty nor the next", evidence);
        }
        long previousEnd = shift.endSeconds() + (day - 1) * TimeWindow.SECONDS_PER_DAY;
        long nextStart = shift.startSeconds() + (day + 1) * TimeWindow.SECONDS_PER_DAY - loading;
        long before = duty.startSeconds() - previousEnd;
        long after = nextStart - duty.endSeconds();
        evidence.put("previous_duty_ended_by", iso(clock, previousEnd));
        evidence.put("rest_before", duration(before));
        evidence.put("rest_before_s", before);
        evidence.put("next_duty_starts_from", iso(clock, nextStart));
        evidence.put("rest_after", duration(after));
        evidence.put("rest_after_s", after);
        evidence.put("rest_rule", "the previous duty ends by the shift end of the day before, the next one starts"
                + " no earlier than the shift start of the day after less loading (one route per driver per day)");
        boolean ok = Math.min(before, after) >= limit;
        return result(rule, ok ? Verdict.PASS : Verdict.FAIL, (ok ? "" : "too little rest: ") + "at least "
                + duration(before) + " of rest before this duty (the previous duty ended by " + iso(clock, previousEnd)
                + ") and " + duration(after) + " after it (the next starts from " + iso(clock, nextStart)
                + "), minimum " + duration(limit), evidence);
    }

    /** Seconds as "8 h 00 min 30 s", so an officer sees the margin a rounded figure would hide. */
    static String duration(long seconds) {
        String sign = seconds < 0 ? "-" : "";
        long s = Math.abs(seconds);
        return String.format("%s%d h %02d min %02d s", sign, s / 3600, s % 3600 / 60, s % 60);
    }

    private static List<String> spans(PlanClock clock, List<long[]> spans) {
        return spans.stream().map(b -> iso(clock, b[0]) + " to " + iso(clock, b[1])).toList();
    }

    private static String iso(PlanClock clock, long seconds) {
        return clock.at(seconds).toString();
    }

    private static RuleCheck result(Rule rule, Verdict verdict, String message, Map<String, Object> evidence) {
        return new RuleCheck(rule.id(), verdict, rule.severity(), message, evidence);
    }
}
