package dev.routeplan.planning.compliance.pack;

import java.time.DayOfWeek;
import java.util.Set;

/**
 * A daily window {@code [start, end)} in seconds after local midnight. An end at or before the
 * start crosses midnight, so {@code endSecond} is then above 86,400; "24:00" ends at midnight.
 *
 * @param days the days of the week on which the window opens (its start day)
 */
public record RuleWindow(Set<DayOfWeek> days, int startSecond, int endSecond) {

    public RuleWindow {
        days = SortedSets.copyOf(days);
        if (endSecond <= startSecond) {
            throw new IllegalArgumentException("window must end after it starts: " + startSecond + ".." + endSecond);
        }
    }
}
