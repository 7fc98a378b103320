package dev.routeplan.app.ops;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The schedule: when this process is meant to run it ({@code spring.quartz.auto-startup}, on under
 * {@code serve}), a scheduler that is not started, in standby or shut down fires no nightly run,
 * so the node is not ready. Spring Boot has no Quartz health of its own.
 */
class QuartzHealthIndicator extends AbstractHealthIndicator {

    private final Scheduler scheduler;
    private final boolean autoStartup;

    QuartzHealthIndicator(Scheduler scheduler, boolean autoStartup) {
        super("Quartz scheduler health check failed");
        this.scheduler = scheduler;
        this.autoStartup = autoStartup;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws SchedulerException {
        boolean running = scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        health.withDetail("scheduler", scheduler.getSchedulerName())
                .withDetail("instance", scheduler.getSchedulerInstanceId())
                .withDetail("autoStartup", autoStartup)
                .withDetail("state", scheduler.isShutdown() ? "shut down" : running ? "running" : "standby");
        if (autoStartup && !running) {
            health.down();
        } else {
            health.up();
        }
    }
}
