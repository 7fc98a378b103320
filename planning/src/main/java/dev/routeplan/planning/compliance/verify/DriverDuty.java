package dev.routeplan.planning.compliance.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The driver's duty on one route, from the recomputed timeline, in seconds. It starts with
 * loading the vehicle at the depot ({@code loadingSeconds} before the route leaves: subsidiary
 * work, OSH Code s.25) and ends when the vehicle is back. Work is loading, driving, waiting for
 * a window and service. A wait for a window is the vehicle idling on the road outside the premises
 * with its driver: on-road presence for the zone rules ({@link ZonePresence}) and work here, never
 * a rest interval, so one wait has one meaning everywhere. A break is a rest the plan gives at the
 * premises after service (off the road) of at least {@code minBreakSeconds}; a shorter one is work.
 * The duty is the route (one route per driver per day, as the planner assigns them); a duty that
 * crosses midnight belongs to the day it started (MTW Act s.2).
 *
 * @param startSeconds when loading starts: the route's departure less the loading time
 * @param blocks       stretches of continuous work {start, end}, in order
 * @param breaks       rests long enough to count as breaks {start, end}
 * @param waits        waits for a window, on the road and counted as work {arrival, service start}
 */
record DriverDuty(long startSeconds, long departureSeconds, long endSeconds, List<long[]> blocks, List<long[]> breaks,
                  List<long[]> waits, long workSeconds) {

    static DriverDuty of(RouteTimeline timeline, long minBreakSeconds, long loadingSeconds) {
        List<long[]> blocks = new ArrayList<>();
        List<long[]> breaks = new ArrayList<>();
        List<long[]> waits = new ArrayList<>();
        long start = timeline.departureSeconds() - loadingSeconds;
        long blockStart = start;
        long work = loadingSeconds;
        long clock = timeline.departureSeconds();
        for (RouteTimeline.StopTime stop : timeline.stops()) {
            work += stop.serviceStartSeconds() - clock;            // driving to the stop, then waiting on the road
            if (stop.waitSeconds() > 0) {
                waits.add(new long[] {stop.arrivalSeconds(), stop.serviceStartSeconds()});
            }
            long serviceEnd = stop.departureSeconds() - stop.restSeconds();
            work += serviceEnd - stop.serviceStartSeconds();        // service
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
        return new DriverDuty(start, timeline.departureSeconds(), timeline.returnSeconds(), blocks, breaks, waits, work);
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
