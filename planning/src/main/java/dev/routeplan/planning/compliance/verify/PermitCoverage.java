package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.domain.TimeWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which parts of a violation the vehicle's No Entry Permissions cover. A permit covers a moment
 * when it is for this vehicle, names the zone (or the feature, e.g. a market) or no zone at all
 * (= all Delhi), the moment falls inside its daily window, and the window opened on a day from
 * {@code validFrom} to {@code validTo} inclusive. "Route on the permit" is modelled this way: the
 * permit's zones and window must cover every stretch the route would otherwise violate.
 */
final class PermitCoverage {

    /** What the permits did for one violated stretch: the permit numbers that covered some of it, and what is left. */
    record Result(Set<String> usedPermits, List<long[]> uncovered) {
    }

    private final List<NoEntryPermit> permits;
    private final LocalDate planDate;

    PermitCoverage(List<NoEntryPermit> allPermits, String vehicleId, LocalDate planDate) {
        this.permits = allPermits.stream().filter(p -> p.vehicleId().equals(vehicleId)).toList();
        this.planDate = planDate;
    }

    boolean anyPresented() {
        return !permits.isEmpty();
    }

    List<String> permitNumbers() {
        return permits.stream().map(NoEntryPermit::permitNo).toList();
    }

    Result cover(String zone, String feature, long start, long end) {
        Set<String> used = new LinkedHashSet<>();
        List<long[]> covers = new ArrayList<>();
        for (NoEntryPermit p : permits) {
            if (!p.zones().isEmpty() && !p.zones().contains(zone) && !p.zones().contains(feature)) {
                continue;
            }
            List<long[]> mine = occurrences(p, start, end);
            if (mine.stream().anyMatch(c -> c[0] < end && c[1] > start)) {
                used.add(p.permitNo());
            }
            covers.addAll(mine);
        }
        return new Result(used, TimeSpans.subtract(start, end, covers));
    }

    private List<long[]> occurrences(NoEntryPermit p, long start, long end) {
        List<long[]> result = new ArrayList<>();
        TimeWindow w = p.window();
        for (long d = Math.floorDiv(start, TimeWindow.SECONDS_PER_DAY) - 1;
             d <= Math.floorDiv(end, TimeWindow.SECONDS_PER_DAY); d++) {
            LocalDate day = planDate.plusDays(d);
            if (day.isBefore(p.validFrom()) || day.isAfter(p.validTo())) {
                continue;
            }
            long base = d * TimeWindow.SECONDS_PER_DAY;
            result.add(new long[] {base + w.startSeconds(), base + w.endSeconds()});
        }
        return result;
    }
}
