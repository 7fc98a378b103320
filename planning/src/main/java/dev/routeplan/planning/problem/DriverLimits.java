package dev.routeplan.planning.problem;

/**
 * The driver-hours limits a route must keep, from the rule pack: continuous work before a break,
 * how long a break is, work in a duty and the duty's spread-over, in seconds. The duty starts
 * {@code loadingSeconds} before the route leaves the depot (loading the vehicle is work), and a
 * wait for a window is work (the vehicle idles on the road): only a rest at the premises after
 * service is a break. The solver schedules one there when the work ahead would run past the
 * continuous limit.
 *
 * @param loadingSeconds          loading at the depot before departure, counted as work
 * @param breakNotNeededUpToSeconds a duty with at most this much work needs no break (MTW s.15
 *                                proviso); 0 when the pack states no such proviso
 * @param minRestBetweenDutiesSeconds rest between one day's duty and the next; with one route per
 *                                driver per day inside the shift, a shift too long for it is shortened
 */
public record DriverLimits(long maxContinuousWorkSeconds, long breakSeconds, long maxWorkSeconds, long maxSpreadSeconds,
                           long loadingSeconds, long breakNotNeededUpToSeconds, long minRestBetweenDutiesSeconds) {

    /** Limits without loading time, proviso or rest between duties. */
    public DriverLimits(long maxContinuousWorkSeconds, long breakSeconds, long maxWorkSeconds, long maxSpreadSeconds) {
        this(maxContinuousWorkSeconds, breakSeconds, maxWorkSeconds, maxSpreadSeconds, 0, 0, 0);
    }

    public static DriverLimits none() {
        return new DriverLimits(Long.MAX_VALUE, 0, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    public boolean breaksPlanned() {
        return breakSeconds > 0 && maxContinuousWorkSeconds < Long.MAX_VALUE;
    }
}
