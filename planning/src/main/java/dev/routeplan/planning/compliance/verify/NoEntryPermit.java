package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.domain.TimeWindow;
import java.time.LocalDate;
import dev.routeplan.planning.compliance.pack.SortedSets;
import java.util.Set;

/**
 * A No Entry Permission from DCP/Traffic (a line of {@code permits.csv}): the vehicle may ply in
 * the listed zones during the window, on days from {@code validFrom} to {@code validTo} inclusive.
 * An empty zone set means all of Delhi NCT. It is the proof a NO_ENTRY_PERMIT exemption needs.
 */
public record NoEntryPermit(String permitNo, String vehicleId, Set<String> zones, TimeWindow window,
                            LocalDate validFrom, LocalDate validTo) {

    public NoEntryPermit {
        zones = SortedSets.copyOf(zones);
    }
}
