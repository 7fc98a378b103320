package dev.routeplan.planning.problem;

/**
 * The driver-hours limits a route must keep, from the rule pack: continuous work before a break,
 * how long a break is, work in a duty and the duty's spread-over. The solver schedules a break at
 * a customer's premises, after service, when the next leg would run past the continuous limit.
 */
public record DriverLimits(long maxContinuousWorkSeconds, long breakSeconds, long maxWorkSeconds, long maxSpreadSeconds) {

    public static DriverLimits none() {
        return new DriverLimits(Long.MAX_VALUE, 0, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    public boolean breaksPlanned() {
        return breakSeconds > 0 && maxContinuousWorkSeconds < Long.MAX_VALUE;
    }
}
