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
        return Spans.joined(spans, s -> s[0], s -> s[1], (a, b) -> new long[] {a[0], Math.max(a[1], b[1])});
    }
}
