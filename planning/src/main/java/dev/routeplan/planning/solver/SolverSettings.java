package dev.routeplan.planning.solver;

import java.time.Duration;

/**
 * How long the solver may think about one depot. {@code randomSeed} makes a run repeatable
 * for a given amount of work; time-based termination still varies with machine load.
 */
public record SolverSettings(Duration spentLimit, Duration unimprovedSpentLimit, long randomSeed) {

    public SolverSettings {
        if (spentLimit.isNegative() || spentLimit.isZero()) {
            throw new IllegalArgumentException("solver time budget must be positive, was " + spentLimit);
        }
    }

    /** A budget of {@code seconds}, stopping early once a third of it passes without improvement. */
    public static SolverSettings ofSeconds(double seconds) {
        Duration spent = Duration.ofMillis(Math.round(seconds * 1000));
        Duration unimproved = Duration.ofMillis(Math.max(500, spent.toMillis() / 3));
        return new SolverSettings(spent, unimproved, 42L);
    }
}
