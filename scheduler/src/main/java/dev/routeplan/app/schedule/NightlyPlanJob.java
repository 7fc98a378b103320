package dev.routeplan.app.schedule;

import java.time.Instant;
import java.time.LocalDate;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The nightly plan: each firing plans the day after its slot (in IST). A firing after a misfire
 * (the service was down at 01:30 and came back at 03:10) still plans the day after the missed
 * slot, not the day after it came back. One at a time across the cluster; a second start of a date
 * already running is refused by {@code PlanRuns}, not here.
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
            planning.plan(planDate);
        } catch (Exception e) {
            log.error("nightly plan of {} could not run: {}", planDate, e.getMessage(), e);
            throw new JobExecutionException("nightly plan of " + planDate + ": " + e.getMessage(), e, false);
        }
    }

    static LocalDate planDate(JobExecutionContext context) {
        Instant fired = context.getScheduledFireTime().toInstant();
        Instant slot = context.getTrigger() instanceof CronTrigger cron
                ? CronSlots.latestAtOrBefore(cron.getCronExpression(), cron.getTimeZone(), fired).orElse(fired)
                : fired;
        return slot.atZone(ScheduleName.BUSINESS_ZONE).toLocalDate().plusDays(1);
    }
}
