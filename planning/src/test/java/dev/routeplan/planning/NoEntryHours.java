package dev.routeplan.planning;

import dev.routeplan.planning.domain.NoEntryInterval;
import java.util.List;

/** Delhi's no-entry hours as the planners get them: intervals in seconds after 00:00 of the plan date. */
public final class NoEntryHours {

    private static final long HOUR = 3600;

    /** HGVs may not enter from 07:00 to 23:00, on the plan date and the next: they deliver at night. */
    public static final List<NoEntryInterval> HGV_BY_DAY = List.of(
            new NoEntryInterval("DL-NOENTRY-HGV", 7 * HOUR, 23 * HOUR),
            new NoEntryInterval("DL-NOENTRY-HGV", 31 * HOUR, 47 * HOUR));

    private NoEntryHours() {
    }
}
