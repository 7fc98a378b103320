package dev.routeplan.app.schedule;

import org.quartz.JobPersistenceException;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Puts the configured schedules in the job store before the scheduler starts: every job, and
 * each enabled schedule's trigger when the store has none. A trigger already there is left as it
 * is (its cron, zone or pause may have been changed through the API); a disabled schedule's
 * trigger is removed.
 */
@Component
class ScheduleRegistration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRegistration.class);

    private final Scheduler scheduler;
    private final SchedulesProperties schedules;

    ScheduleRegistration(Scheduler scheduler, SchedulesProperties schedules) {
        this.scheduler = scheduler;
        this.schedules = schedules;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            register(scheduler, schedules);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot register the schedules in the job store: " + e.getMessage(), e);
        }
    }

    /**
     * On a fresh job store Quartz's row lock has no row yet to lock, so two nodes starting at once
     * (replicas, or a service and workers) may both insert the job: the one that loses sees a
     * duplicate key, and a second try finds the row and replaces it.
     */
    private static void addOrReplace(Scheduler scheduler, ScheduleName schedule) throws SchedulerException {
        try {
            scheduler.addJob(schedule.jobDetail(), true);
        } catch (JobPersistenceException raced) {
            log.info("job {} was stored by another node at the same moment ({}); replacing it", schedule.id(),
                    raced.getMessage());
            scheduler.addJob(schedule.jobDetail(), true);
        }
    }

    static void register(Scheduler scheduler, SchedulesProperties schedules) throws SchedulerException {
        for (ScheduleName schedule : ScheduleName.values()) {
            // replaced each start, so a release that renames a job class is picked up; its trigger stays
            addOrReplace(scheduler, schedule);
            SchedulesProperties.Settings settings = schedule.settings(schedules);
            boolean exists = scheduler.checkExists(schedule.triggerKey());
            if (!settings.enabled()) {
                if (exists) {
                    scheduler.unscheduleJob(schedule.triggerKey());
                    log.info("schedule {} is disabled: its trigger was removed", schedule.id());
                }
            } else if (!exists) {
                try {
                    scheduler.scheduleJob(ScheduleTriggers.cron(schedule, settings.cron(), settings.zone()));
                    log.info("schedule {} created: {} in {}", schedule.id(), settings.cron(), settings.zone());
                } catch (ObjectAlreadyExistsException e) {
                    log.debug("schedule {} was created by another node", schedule.id());
                }
            }
        }
    }
}
