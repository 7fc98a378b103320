package dev.routeplan.app.runs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service runs jobs: leases, background starts, live progress and shutdown.
 *
 * @param heartbeat          how often a node refreshes the leases of the dates it runs
 * @param staleAfter         a lease not refreshed for this long belongs to a dead node: its date may
 *                           be started again and its STARTED execution recovered (several heartbeats)
 * @param backgroundThreads  runs the API and the schedule start at once in this process
 * @param shutdownWait       how long a closing service waits for its stopped runs to end; keep it
 *                           below {@code spring.lifecycle.timeout-per-shutdown-phase}
 * @param eventsInterval     how often a live-progress stream polls the job repository
 * @param recoverOnStartUp   recover the executions of dead nodes when the application starts
 * @param backfillMaxDays    the longest date range one backfill may take
 */
@ConfigurationProperties("routeplan.runs")
public record RunsProperties(
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("60s") Duration staleAfter,
        @DefaultValue("4") int backgroundThreads,
        @DefaultValue("50s") Duration shutdownWait,
        @DefaultValue("500ms") Duration eventsInterval,
        @DefaultValue("true") boolean recoverOnStartUp,
        @DefaultValue("366") int backfillMaxDays) {
}
