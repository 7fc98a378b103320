package dev.routeplan.planning.solver;

import java.time.Duration;

/**
 * How long the solver may think about one depot. {@code randomSeed} makes a run repeatable
 * for a given amount of work; time-based termination still varies with machine load.
 * {@code moveThreadCount} is OptaPlanner's: {@code NONE} (the default) evaluates moves on the
 * solver thread, {@code AUTO} or a number adds move threads.
 */
public record SolverSettings(Duration spentLimit, Duration unimprovedSpentLimit, long randomSeed, String moveThreadCount) {

    public SolverSettings {
        if (spentLimit.isNegative() || spentLimit.isZero()) {
            throw new IllegalArgumentException("solver time budget must be positive, was " + spentLimit);
        }
    }

    public SolverSettings(Duration spentLimit, Duration unimprovedSpentLimit, long randomSeed) {
        this(spentLimit, unimprovedSpentLimit, randomSeed, "NONE");
    }

    /** A budget of {@code seconds}, stopping early once a third of it passes without improvement. */
    public static SolverSettings ofSeconds(double seconds) {
        Duration spent = Duration.ofMillis(Math.round(seconds * 1000));
        Duration unimproved = Duration.ofMillis(Math.max(500, spent.toMillis() / 3));
        return new SolverSettings(spent, unimproved, 42L);
    }

    /** A budget of {@code seconds} used in full, without stopping early: for benchmarks. */
    public static SolverSettings fullSeconds(double seconds) {
        Duration spent = Duration.ofMillis(Math.round(seconds * 1000));
        return new SolverSettings(spent, spent, 42L);
    }

    public SolverSettings withMoveThreadCount(String count) {
        return new SolverSettings(spentLimit, unimprovedSpentLimit, randomSeed, count);
    }
}
