package dev.routeplan.app.schedule;

import dev.routeplan.app.ops.PeriodicTask;
import java.time.Instant;
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
    private final PeriodicTask runner = new PeriodicTask("deadline-monitor", this::check);

    DeadlineMonitorRunner(DeadlineMonitor monitor, SchedulesProperties schedules, QuartzProperties quartz) {
        this.monitor = monitor;
        this.schedules = schedules;
        this.scheduleRuns = quartz.isAutoStartup();
    }

    @Override
    public void start() {
        if (scheduleRuns && schedules.monitor()) {
            runner.start(schedules.monitorEvery(), schedules.monitorEvery());
        }
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
    public void stop() {
        runner.stop();
    }

    @Override
    public boolean isRunning() {
        return runner.isRunning();
    }
}
