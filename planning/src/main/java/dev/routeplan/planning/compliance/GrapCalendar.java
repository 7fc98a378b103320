package dev.routeplan.planning.compliance;

import dev.routeplan.planning.domain.PlanClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * The GRAP stage in force over time, as a series of CAQM orders. Each planned segment is checked
 * against the stage in force at its own time; a run parameter {@code --grap-stage} replaces the
 * calendar with one constant stage.
 */
public record GrapCalendar(List<GrapStageChange> changes, String source) {

    public GrapCalendar {
        changes = changes.stream().sorted(Comparator.comparing(GrapStageChange::effectiveFrom)).toList();
    }

    public static GrapCalendar constant(int stage, String source) {
        return new GrapCalendar(List.of(new GrapStageChange(OffsetDateTime.parse("2000-01-01T00:00+05:30"), stage, source)),
                source);
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
