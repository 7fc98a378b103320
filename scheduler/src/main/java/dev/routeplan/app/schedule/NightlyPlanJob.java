package dev.routeplan.app.schedule;

import java.time.Instant;
import java.time.LocalDate;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The nightly plan: each firing plans the day after its slot (in IST). A firing after a misfire
 * (the service was down at 01:30 and came back at 03:10) still plans the day after the missed
 * slot, not the day after it came back. One at a time across the cluster; a second start of a date
 * already running is refused by {@code PlanRuns}, not here. The job requests recovery: when the
 * node running it dies, another node of the Quartz cluster fires it again as "recovering", and
 * that firing resumes the dead node's run instead of planning the date a second time.
 */
@DisallowConcurrentExecution
public class NightlyPlanJob extends QuartzJobBean {

    private static final Logger log = LoggerFactory.getLogger(NightlyPlanJob.class);

    private final NightlyPlanning planning;

    public NightlyPlanJob(NightlyPlanning planning) {
        this.planning = planning;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        LocalDate planDate = planDate(context);
        try {
            if (context.isRecovering()) {
                Instant firedAt = context.getScheduledFireTime().toInstant();
                log.warn("nightly plan of {}: the node that fired it at {} died while it ran; this node carries it on",
                        planDate, firedAt);
                planning.resume(planDate, firedAt);
            } else {
                planning.plan(planDate);
            }
        } catch (Exception e) {
            log.error("nightly plan of {} could not run: {}", planDate, e.getMessage(), e);
            throw new JobExecutionException("nightly plan of " + planDate + ": " + e.getMessage(), e, false);
        }
    }

    static LocalDate planDate(JobExecutionContext context) {
        Instant fired = context.getScheduledFireTime().toInstant();
        Instant slot = firingTrigger(context) instanceof CronTrigger cron
                ? CronSlots.latestAtOrBefore(cron.getCronExpression(), cron.getTimeZone(), fired).orElse(fired)
                : fired;
        return slot.atZone(ScheduleName.BUSINESS_ZONE).toLocalDate().plusDays(1);
    }

    /**
     * The trigger whose slot this is: a recovery fires a one-off trigger that names the dead node's.
     * Its scheduled time is the dead firing's, so without the cron it still plans the right day
     * unless that firing was itself a misfire late across midnight.
     */
    private static Trigger firingTrigger(JobExecutionContext context) {
        if (!context.isRecovering()) {
            return context.getTrigger();
        }
        JobDataMap data = context.getMergedJobDataMap();
        String name = data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_NAME);
        String group = data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_GROUP);
        try {
            Trigger original = name == null ? null : context.getScheduler().getTrigger(TriggerKey.triggerKey(name, group));
            return original == null ? context.getTrigger() : original;
        } catch (SchedulerException e) {
            log.warn("the trigger {}.{} of a recovered firing could not be read: {}", group, name, e.getMessage());
            return context.getTrigger();
        }
    }
}
