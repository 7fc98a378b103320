package dev.routeplan.batch.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * routeplan's own counters and timers, recorded by the steps where the facts are born (the
 * nightly figures of a published plan are {@code PlanMetrics}' gauges): {@code routeplan.solve}
 * (a depot's solve), {@code routeplan.artifacts.published} (files of a new revision),
 * {@code routeplan.deliveries} (by channel and state) and {@code routeplan.run.duration} (a job
 * from start to end, by status). The run-wide part of a plan is tagged {@code depot="all"}.
 */
public class RunMetrics implements JobExecutionListener {

    /** The depot tag of what belongs to the whole run. */
    public static final String ALL_DEPOTS = "all";

    private final MeterRegistry meters;

    public RunMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The tag for a depot id, {@code "all"} for the run-wide revision ({@code *}) or none. */
    public static String depotTag(String depotId) {
        return depotId == null || depotId.equals("*") ? ALL_DEPOTS : depotId;
    }

    public void solved(String depotId, Duration took) {
        Timer.builder("routeplan.solve").description("Time the solver took for a depot")
                .tag("depot", depotTag(depotId)).register(meters).record(took);
    }

    public void published(String depotId, int files) {
        Counter.builder("routeplan.artifacts.published").description("Files published in new plan revisions")
                .tag("depot", depotTag(depotId)).register(meters).increment(files);
    }

    public void delivered(String depotId, String channel, String state) {
        Counter.builder("routeplan.deliveries").description("Deliveries of plan revisions, by the state they ended in")
                .tag("depot", depotTag(depotId)).tag("channel", channel).tag("state", state).register(meters).increment();
    }

    @Override
    public void afterJob(JobExecution job) {
        if (job.getStartTime() == null) {
            return;
        }
        LocalDateTime end = job.getEndTime() == null ? LocalDateTime.now() : job.getEndTime();
        Timer.builder("routeplan.run.duration").description("A run of a job from start to end")
                .tag("job", job.getJobInstance().getJobName()).tag("status", job.getStatus().name())
                .register(meters).record(Duration.between(job.getStartTime(), end));
    }
}
