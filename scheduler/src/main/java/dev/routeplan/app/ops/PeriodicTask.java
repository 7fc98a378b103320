package dev.routeplan.app.ops;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One piece of the service's periodic work on a daemon thread of its own, started and stopped with
 * the application (its owner is a {@code SmartLifecycle}). Not Spring's {@code @Scheduled}: each
 * task then has its own thread, named in thread dumps, and a slow one never delays another.
 */
public final class PeriodicTask {

    private final String threadName;
    private final Runnable task;
    private ScheduledExecutorService executor;

    /** {@code task} must not throw: a task that throws is not run again. */
    public PeriodicTask(String threadName, Runnable task) {
        this.threadName = threadName;
        this.task = task;
    }

    public synchronized void start(Duration firstAfter, Duration every) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(task, firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    public synchronized boolean isRunning() {
        return executor != null;
    }
}
