package dev.routeplan.planning.compliance.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Half-open stretches {start, end} of the plan-date timeline (seconds after 00:00 IST). */
final class TimeSpans {

    private TimeSpans() {
    }

    /** {@code [start, end)} minus every cover, as the stretches left over. */
    static List<long[]> subtract(long start, long end, List<long[]> covers) {
        List<long[]> sorted = new ArrayList<>(covers);
        sorted.sort(Comparator.comparingLong(c -> c[0]));
        List<long[]> left = new ArrayList<>();
        long at = start;
        for (long[] c : sorted) {
            if (c[1] <= at || c[0] >= end) {
                continue;
            }
            if (c[0] > at) {
                left.add(new long[] {at, c[0]});
            }
            at = Math.max(at, c[1]);
            if (at >= end) {
                break;
            }
        }
        if (at < end) {
            left.add(new long[] {at, end});
        }
        return left;
    }

    /** Overlapping or touching stretches joined, in time order. */
    static List<long[]> merge(List<long[]> spans) {
        List<long[]> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(c -> c[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] s : sorted) {
            if (!merged.isEmpty() && s[0] <= merged.get(merged.size() - 1)[1]) {
                long[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(new long[] {s[0], s[1]});
            }
        }
        return merged;
    }
}
