package dev.routeplan.planning.compliance.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The driver's duty on one route, from the recomputed timeline: driving, waiting and service in
 * order. Work is driving plus service plus any wait shorter than the break length; a wait of at
 * least {@code minBreakSeconds}, or a rest the plan gives at the premises after service, is a
 * break and ends a stretch of continuous work. The duty is the
 * route (one route per driver per day, as the planner assigns them); a duty that crosses
 * midnight belongs to the day it started (MTW Act s.2).
 *
 * @param blocks stretches of continuous work {start, end}, in order
 * @param breaks waits long enough to count as breaks {start, end}
 */
record DriverDuty(long startSeconds, long endSeconds, List<long[]> blocks, List<long[]> breaks, long workSeconds) {

    static DriverDuty of(RouteTimeline timeline, long minBreakSeconds) {
        List<long[]> blocks = new ArrayList<>();
        List<long[]> breaks = new ArrayList<>();
        long blockStart = timeline.departureSeconds();
        long work = 0;
        long clock = timeline.departureSeconds();
        for (RouteTimeline.StopTime stop : timeline.stops()) {
            work += stop.arrivalSeconds() - clock;                 // driving to the stop
            if (stop.waitSeconds() >= minBreakSeconds) {
                if (stop.arrivalSeconds() > blockStart) {
                    blocks.add(new long[] {blockStart, stop.arrivalSeconds()});
                }
                breaks.add(new long[] {stop.arrivalSeconds(), stop.serviceStartSeconds()});
                blockStart = stop.serviceStartSeconds();
            } else {
                work += stop.waitSeconds();
            }
            long serviceEnd = stop.departureSeconds() - stop.restSeconds();
            work += serviceEnd - stop.serviceStartSeconds();                // service
            if (stop.restSeconds() >= minBreakSeconds) {
                blocks.add(new long[] {blockStart, serviceEnd});
                breaks.add(new long[] {serviceEnd, stop.departureSeconds()});
                blockStart = stop.departureSeconds();
            } else {
                work += stop.restSeconds();
            }
            clock = stop.departureSeconds();
        }
        work += timeline.returnSeconds() - clock;
        if (timeline.returnSeconds() > blockStart) {
            blocks.add(new long[] {blockStart, timeline.returnSeconds()});
        }
        return new DriverDuty(timeline.departureSeconds(), timeline.returnSeconds(), blocks, breaks, work);
    }

    long[] longestBlock() {
        long[] longest = new long[] {startSeconds, startSeconds};
        for (long[] b : blocks) {
            if (b[1] - b[0] > longest[1] - longest[0]) {
                longest = b;
            }
        }
        return longest;
    }

    long spreadOverSeconds() {
        return endSeconds - startSeconds;
    }
}
