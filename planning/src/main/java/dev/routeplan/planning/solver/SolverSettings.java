package dev.routeplan.planning.solver;

import java.time.Duration;

/**
 * How long the solver may think about one depot, and how it searches. {@code randomSeed} makes a
 * run repeatable for a given amount of work; time-based termination still varies with machine load.
 * {@code moveThreadCount} is OptaPlanner's: {@code NONE} (the default) evaluates moves on the
 * solver thread, {@code AUTO} or a number adds move threads. {@code search} holds the local
 * search's knobs; {@link Search#DEFAULT} is the variant chosen with {@code SolverTuning}.
 * {@code cpuTimed} measures {@code spentLimit} in CPU time of each solving thread instead of on
 * the wall clock (and ignores {@code unimprovedSpentLimit}): for comparing variants on a busy machine.
 * {@code localSearchSteps}, when positive, ends the local search after that many steps instead of
 * on time ({@code spentLimit} then only guards, twenty times over): the same problem, seed and steps
 * give the same plan on any machine under any load, for comparing two runs step for step (a depot
 * solved in this process against one solved by a remote worker); 0 leaves the time to decide.
 */
public record SolverSettings(Duration spentLimit, Duration unimprovedSpentLimit, long randomSeed, String moveThreadCount,
                             Search search, boolean cpuTimed, int localSearchSteps) {

    public SolverSettings {
        if (spentLimit.isNegative() || spentLimit.isZero()) {
            throw new IllegalArgumentException("solver time budget must be positive, was " + spentLimit);
        }
        if (localSearchSteps < 0) {
            throw new IllegalArgumentException("local search steps must be 0 (time decides) or positive, was " + localSearchSteps);
        }
    }

    public SolverSettings(Duration spentLimit, Duration unimprovedSpentLimit, long randomSeed) {
        this(spentLimit, unimprovedSpentLimit, randomSeed, "NONE", Search.DEFAULT, false, 0);
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

    /** A budget of {@code seconds} of CPU time for each solving thread, used in full: for comparing variants on a busy machine. */
    public static SolverSettings cpuSeconds(double seconds) {
        return new SolverSettings(fullSeconds(seconds).spentLimit(), fullSeconds(seconds).spentLimit(), 42L, "NONE", Search.DEFAULT,
                true, 0);
    }

    public SolverSettings withMoveThreadCount(String count) {
        return new SolverSettings(spentLimit, unimprovedSpentLimit, randomSeed, count, search, cpuTimed, localSearchSteps);
    }

    public SolverSettings withSearch(Search other) {
        return new SolverSettings(spentLimit, unimprovedSpentLimit, randomSeed, moveThreadCount, other, cpuTimed, localSearchSteps);
    }

    /** The local search ends after {@code steps} steps, not on time; 0 leaves the time to decide. */
    public SolverSettings withLocalSearchSteps(int steps) {
        return new SolverSettings(spentLimit, unimprovedSpentLimit, randomSeed, moveThreadCount, search, cpuTimed, steps);
    }

    /**
     * The local search's knobs.
     *
     * @param lateAcceptanceSize      how many steps back late acceptance compares with
     * @param nearbySize              how many nearest visits the nearby change and swap moves draw from (parabolic)
     * @param ruinShare               the share of selected moves that are ruin-and-recreate moves (0 turns them off)
     * @param ruinAverageRemoved      how many visits a ruin removes on average
     * @param ruinMaxString           the longest string of consecutive visits a ruin takes out of one route
     * @param insertionNeighbours     next to how many of its nearest visits a removed visit is tried when recreating
     * @param portfolio               how many solvers run side by side on the depot with different seeds, the best
     *                                plan kept (1: a single solver)
     */
    public record Search(int lateAcceptanceSize, int nearbySize, double ruinShare, int ruinAverageRemoved, int ruinMaxString,
                         int insertionNeighbours, int portfolio) {

        /**
         * The search of the nightly job and of the Solomon benchmark: late acceptance, with ruin and
         * recreate on half the moves and reinsertion next to the 20 nearest visits, the winner of
         * {@code scripts/bench.sh tune} (runs 6 and 7 of {@code planning/benchmarks/tuning-results.md}).
         * On a generated 1,000-order depot with 50 vehicles (60 s, seeded with the hand plan) it served
         * 765 orders at 3.49 km each, against 732 at 5.08 with ruin and recreate off.
         */
        public static final Search DEFAULT = new Search(100, 40, 0.5, 10, 10, 20, 1);

        public Search {
            if (lateAcceptanceSize < 1 || nearbySize < 1 || ruinAverageRemoved < 1 || ruinMaxString < 1
                    || insertionNeighbours < 1 || portfolio < 1) {
                throw new IllegalArgumentException("search sizes must be positive: " + this);
            }
            if (ruinShare < 0 || ruinShare >= 1) {
                throw new IllegalArgumentException("ruinShare must be in [0, 1), was " + ruinShare);
            }
        }

        public Search withRuinShare(double share) {
            return new Search(lateAcceptanceSize, nearbySize, share, ruinAverageRemoved, ruinMaxString, insertionNeighbours, portfolio);
        }

        public Search withInsertionNeighbours(int neighbours) {
            return new Search(lateAcceptanceSize, nearbySize, ruinShare, ruinAverageRemoved, ruinMaxString, neighbours, portfolio);
        }

        public Search withPortfolio(int solvers) {
            return new Search(lateAcceptanceSize, nearbySize, ruinShare, ruinAverageRemoved, ruinMaxString, insertionNeighbours, solvers);
        }
    }
}
