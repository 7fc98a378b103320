package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.domain.PlanClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The GRAP stage in force over time, as a series of CAQM orders. Each planned segment is checked
 * against the stage in force at its own time; a run parameter {@code --grap-stage} replaces the
 * calendar with one constant stage.
 */
public record GrapCalendar(List<GrapStageChange> changes, String source) {

    public GrapCalendar {
        changes = changes.stream().sorted(Comparator.comparing(GrapStageChange::effectiveFrom)).toList();
    }

    /** The highest GRAP stage: no order or forecast goes above it. */
    public static final int HIGHEST_STAGE = 4;

    private static final OffsetDateTime ALWAYS = OffsetDateTime.parse("2000-01-01T00:00+05:30");

    public static GrapCalendar constant(int stage, String source) {
        return new GrapCalendar(List.of(new GrapStageChange(ALWAYS, stage, source)), source);
    }

    /** The stages for people: "4" for one stage throughout, else "2 from 2026-01-07T08:00+05:30, 4 from ...". */
    public String describe() {
        if (changes.size() == 1 && changes.get(0).effectiveFrom().equals(ALWAYS)) {
            return String.valueOf(changes.get(0).stage());
        }
        return changes.stream().map(c -> c.stage() + " from " + c.effectiveFrom()).collect(Collectors.joining(", "));
    }

    public int stageAt(OffsetDateTime time) {
        int stage = 0;
        for (GrapStageChange change : changes) {
            if (!change.effectiveFrom().isAfter(time)) {
                stage = change.stage();
            }
        }
        return stage;
    }

    /** The stage at a timeline instant: seconds after 00:00 on the plan date, Asia/Kolkata. */
    public int stageAt(LocalDate planDate, long secondsAfterMidnight) {
        return stageAt(new PlanClock(planDate).at(secondsAfterMidnight));
    }

    /** The highest stage in force at any moment of {@code [from, to)} on the plan date's timeline. */
    public int highestStage(LocalDate planDate, long fromSeconds, long toSeconds) {
        int highest = stageAt(planDate, fromSeconds);
        for (GrapStageChange change : changes) {
            long at = change.effectiveFrom().toEpochSecond() - new PlanClock(planDate).at(0).toEpochSecond();
            if (at > fromSeconds && at < toSeconds) {
                highest = Math.max(highest, change.stage());
            }
        }
        return highest;
    }
}
