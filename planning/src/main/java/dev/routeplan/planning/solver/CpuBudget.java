package dev.routeplan.planning.solver;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.optaplanner.core.api.solver.Solver;

/**
 * Ends a solve once the solving thread has had a given amount of CPU time. For comparing search
 * variants on a machine shared with builds: a wall-clock budget there gives each run whatever
 * CPU the others leave it, so the same variant lands seconds of search apart from one run to the
 * next; CPU time is the same work on a quiet or a busy machine.
 */
final class CpuBudget {

    /** A CPU-budgeted solve still stops after this many times its budget on the wall clock. */
    static final int WALL_CLOCK_GUARD = 20;
    private static final long POLL_MILLIS = 10;

    private CpuBudget() {
    }

    static DepotRoutingSolution solve(Solver<DepotRoutingSolution> solver, DepotRoutingSolution problem, Duration budget) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long solving = Thread.currentThread().getId();
        long until = threads.getThreadCpuTime(solving) + budget.toNanos();
        Thread watch = new Thread(() -> {
            try {
                while (threads.getThreadCpuTime(solving) < until) {
                    Thread.sleep(POLL_MILLIS);
                }
                solver.terminateEarly();
            } catch (InterruptedException e) {
                // the solve ended first
            }
        }, "cpu-budget");
        watch.setDaemon(true);
        watch.start();
        try {
            return solver.solve(problem);
        } finally {
            watch.interrupt();
        }
    }
}
