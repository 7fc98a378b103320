package dev.routeplan.app.schedule;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.TriggerKey;

/** The service's schedules: each one Quartz job and the one trigger that fires it, both named after it. */
public enum ScheduleName {

    NIGHTLY_PLAN("nightly-plan", NightlyPlanJob.class, "plans the next day (IST) from the service's input folder"),
    DELIVERY_RETRY("delivery-retry", DeliveryRetryJob.class, "sends again the recent dates' FAILED and PENDING deliveries"),
    RETENTION_PURGE("retention-purge", RetentionPurgeJob.class, "removes audit rows and job executions past their retention");

    /** Where plan dates and the publish-by deadline are reckoned, whatever zone a cron runs in. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Kolkata");
    static final String GROUP = "routeplan";

    private final String id;
    private final Class<? extends Job> job;
    private final String description;

    ScheduleName(String id, Class<? extends Job> job, String description) {
        this.id = id;
        this.job = job;
        this.description = description;
    }

    /** The name in configuration ({@code routeplan.schedules.<id>}) and in the API. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Class<? extends Job> job() {
        return job;
    }

    public JobKey jobKey() {
        return JobKey.jobKey(id, GROUP);
    }

    public TriggerKey triggerKey() {
        return TriggerKey.triggerKey(id, GROUP);
    }

    public SchedulesProperties.Settings settings(SchedulesProperties properties) {
        return switch (this) {
            case NIGHTLY_PLAN -> properties.nightlyPlan();
            case DELIVERY_RETRY -> properties.deliveryRetry();
            case RETENTION_PURGE -> properties.retentionPurge();
        };
    }

    /**
     * Durable (it outlives a removed trigger) and recovered: when the node running it dies, another
     * node of the cluster runs it again.
     */
    JobDetail jobDetail() {
        return JobBuilder.newJob(job).withIdentity(jobKey()).withDescription(description)
                .storeDurably().requestRecovery().build();
    }

    public static Optional<ScheduleName> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
