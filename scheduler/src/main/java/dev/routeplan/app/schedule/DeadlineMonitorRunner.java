package dev.routeplan.app.schedule;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline monitor every {@code routeplan.schedules.monitor-every} (a minute) on every
 * node where the schedule runs ({@code serve}): each node keeps its own gauge current, and the
 * alert table lets only one of them raise a night's alert.
 */
@Component
class DeadlineMonitorRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineMonitorRunner.class);

    private final DeadlineMonitor monitor;
    private final SchedulesProperties schedules;
    private final boolean scheduleRuns;
    private ScheduledExecutorService executor;

    DeadlineMonitorRunner(DeadlineMonitor monitor, SchedulesProperties schedules, QuartzProperties quartz) {
        this.monitor = monitor;
        this.schedules = schedules;
        this.scheduleRuns = quartz.isAutoStartup();
    }

    @Override
    public synchronized void start() {
        if (!scheduleRuns || !schedules.monitor() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "deadline-monitor");
            thread.setDaemon(true);
            return thread;
        });
        long every = schedules.monitorEvery().toMillis();
        executor.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            monitor.check(Instant.now());
        } catch (Exception e) {
            // the next check tries again; one bad minute must not end the monitor
            log.warn("deadline check failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
