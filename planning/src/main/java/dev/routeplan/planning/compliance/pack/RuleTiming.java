package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.domain.TimeWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When a rule is in force: daily windows, a GRAP stage threshold and a date range. A rule with
 * a stage threshold and no windows is in force the whole day once the stage is reached.
 *
 * @param grapStageGte 0 when the rule does not depend on GRAP
 * @param dateFrom     first day in force, or null
 * @param dateTo       last day in force (inclusive), or null
 */
public record RuleTiming(List<RuleWindow> windows, int grapStageGte, LocalDate dateFrom, LocalDate dateTo) {

    public RuleTiming {
        windows = List.copyOf(windows);
    }

    public boolean stageReached(int grapStage) {
        return grapStageGte == 0 || grapStage >= grapStageGte;
    }

    public boolean inForceOn(LocalDate day) {
        return (dateFrom == null || !day.isBefore(dateFrom)) && (dateTo == null || !day.isAfter(dateTo));
    }

    /**
     * Every occurrence of the rule's windows that overlaps {@code [from, to)} of the plan-date
     * timeline, clipped to it, as {start, end} pairs. Occurrences opening the day before the plan
     * date matter too: a window crossing midnight reaches into the plan date.
     */
    public List<long[]> occurrences(LocalDate planDate, long from, long to) {
        List<long[]> result = new ArrayList<>();
        long firstDay = Math.floorDiv(from, TimeWindow.SECONDS_PER_DAY) - 1;
        long lastDay = Math.floorDiv(to, TimeWindow.SECONDS_PER_DAY);
        for (long d = firstDay; d <= lastDay; d++) {
            LocalDate day = planDate.plusDays(d);
            if (!inForceOn(day)) {
                continue;
            }
            long dayStart = d * TimeWindow.SECONDS_PER_DAY;
            if (windows.isEmpty()) {
                addClipped(result, dayStart, dayStart + TimeWindow.SECONDS_PER_DAY, from, to);
            }
            for (RuleWindow w : windows) {
                if (w.days().contains(day.getDayOfWeek())) {
                    addClipped(result, dayStart + w.startSecond(), dayStart + w.endSecond(), from, to);
                }
            }
        }
        result.sort((a, b) -> Long.compare(a[0], b[0]));
        return result;
    }

    private static void addClipped(List<long[]> out, long start, long end, long from, long to) {
        long s = Math.max(start, from);
        long e = Math.min(end, to);
        if (e > s) {
            out.add(new long[] {s, e});
        }
    }
}
