package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.Rule;
import dev.routeplan.planning.domain.PlanClock;
import java.util.Map;

/**
 * The driver-hours rules of the pack (MTW Act 1961 / OSH Code 2020) on the recomputed timeline:
 * continuous work without a break, work on the duty day, spread-over. The limits are the rule's
 * {@code params}. Rest between duties needs the driver's previous duty, which a review does not
 * carry, so it is reported NOT_EVALUATED. The MTW s.15 proviso (no break needed on a day of at
 * most 6 h) is not applied: the pack does not state it as a param.
 */
final class DriverHoursCheck {

    private DriverHoursCheck() {
    }

    static RuleCheck check(Rule rule, RouteTimeline timeline, PlanClock clock, Map<String, Object> evidence) {
        long minBreak = rule.params().getOrDefault("min_break_min", 0) * 60L;
        DriverDuty duty = DriverDuty.of(timeline, Math.max(minBreak, 1));
        evidence.put("duty_day", clock.at(duty.startSeconds()).toLocalDate().toString());
        evidence.put("duty_from", iso(clock, duty.startSeconds()));
        evidence.put("duty_until", iso(clock, duty.endSeconds()));
        evidence.put("day_rule", "a duty crossing midnight counts to the day it started (MTW Act s.2)");
        evidence.put("assumption", "one route per driver per day; other duties of the driver are not in the review");
        switch (rule.check()) {
            case "driver_break" -> {
                long[] longest = duty.longestBlock();
                long minutes = (longest[1] - longest[0]) / 60;
                int limit = rule.param("max_continuous_driving_min");
                evidence.put("longest_continuous_work_min", minutes);
                evidence.put("longest_work_from", iso(clock, longest[0]));
                evidence.put("longest_work_until", iso(clock, longest[1]));
                evidence.put("breaks", duty.breaks().stream().map(b -> iso(clock, b[0]) + " to " + iso(clock, b[1])).toList());
                boolean ok = minutes <= limit;
                return result(rule, ok ? Verdict.PASS : Verdict.FAIL, (ok ? "" : "no break of "
                        + rule.param("min_break_min") + " min: ") + minutes + " min of continuous work (driving,"
                        + " service and short waits), limit " + limit + " min", evidence);
            }
            case "driver_daily_hours" -> {
                long minutes = duty.workSeconds() / 60;
                int limit = rule.param("max_duty_min_per_day");
                evidence.put("work_min", minutes);
                boolean ok = minutes <= limit;
                return result(rule, ok ? Verdict.PASS : Verdict.FAIL, minutes + " min of work on the duty day "
                        + evidence.get("duty_day") + ", limit " + limit + " min", evidence);
            }
            case "driver_spread_over" -> {
                long minutes = duty.spreadOverSeconds() / 60;
                int limit = rule.param("max_spread_over_min");
                evidence.put("spread_over_min", minutes);
                boolean ok = minutes <= limit;
                return result(rule, ok ? Verdict.PASS : Verdict.FAIL, "spread-over " + minutes + " min, limit "
                        + limit + " min", evidence);
            }
            default -> {
                return result(rule, Verdict.NOT_EVALUATED, "needs the driver's previous duty (its end time);"
                        + " the review carries only this route", evidence);
            }
        }
    }


    private static String iso(PlanClock clock, long seconds) {
        return clock.at(seconds).toString();
    }

    private static RuleCheck result(Rule rule, Verdict verdict, String message, Map<String, Object> evidence) {
        return new RuleCheck(rule.id(), verdict, rule.severity(), message, evidence);
    }
}
