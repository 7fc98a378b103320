package dev.routeplan.app.schedule;

import dev.routeplan.app.audit.Audit;
import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.schedule.ScheduleTriggers.InvalidSchedule;
import dev.routeplan.app.schedule.ScheduleView.State;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.Trigger.TriggerState;
import org.springframework.stereotype.Service;

/**
 * The schedules at run time: listed, their cron or zone changed, paused and resumed. Changes go
 * to the job store (shared by the cluster, kept across restarts) and on the audit log.
 */
@Service
public class Schedules {

    private final Scheduler scheduler;
    private final SchedulesProperties schedules;
    private final Audit audit;

    Schedules(Scheduler scheduler, SchedulesProperties schedules, Audit audit) {
        this.scheduler = scheduler;
        this.schedules = schedules;
        this.audit = audit;
    }

    public List<ScheduleView> list() throws SchedulerException {
        List<ScheduleView> views = new ArrayList<>();
        for (ScheduleName schedule : ScheduleName.values()) {
            views.add(view(schedule));
        }
        return views;
    }

    /** @throws UnknownSchedule when there is no schedule of that name */
    public ScheduleView get(String name) throws SchedulerException {
        return view(schedule(name));
    }

    /**
     * Changes the cron, the zone or both (null leaves one as it is), keeping a paused schedule paused.
     *
     * @throws InvalidSchedule  when the cron or the zone is not one
     * @throws DisabledSchedule when the schedule is disabled in configuration
     */
    public ScheduleView change(String name, String cron, String zone) throws SchedulerException {
        ScheduleName schedule = schedule(name);
        String target = target(schedule);
        CronTrigger current = trigger(schedule, AuditAction.SCHEDULE_CHANGE);
        try {
            if (cron == null && zone == null) {
                throw new InvalidSchedule("nothing to change: give a cron, a zone or both");
            }
            String newCron = cron == null ? current.getCronExpression() : cron.strip();
            ZoneId newZone = zone == null ? current.getTimeZone().toZoneId() : ScheduleTriggers.zone(zone.strip());
            CronTrigger changed = ScheduleTriggers.cron(schedule, newCron, newZone);
            boolean paused = scheduler.getTriggerState(schedule.triggerKey()) == TriggerState.PAUSED;
            scheduler.rescheduleJob(schedule.triggerKey(), changed);
            if (paused) {
                // a new trigger starts unpaused; the operator's pause outlives the change
                scheduler.pauseTrigger(schedule.triggerKey());
            }
            audit.succeeded(AuditAction.SCHEDULE_CHANGE, target, "cron " + current.getCronExpression() + " -> " + newCron
                    + ", zone " + current.getTimeZone().getID() + " -> " + newZone.getId());
        } catch (InvalidSchedule e) {
            audit.refused(AuditAction.SCHEDULE_CHANGE, target, e.getMessage());
            throw e;
        }
        return view(schedule);
    }

    /**
     * When (IST) a schedule would fire next with this cron in this zone, changing nothing: for a
     * page that asks before it calls {@link #change}, so a bad cron is told before the question.
     *
     * @return the next fire time, null when the cron never fires again
     * @throws InvalidSchedule when the cron or the zone is not one, with the message {@link #change} refuses it with
     */
    public OffsetDateTime nextFireTimeIf(String cron, String zone) {
        if (cron == null || cron.isBlank()) {
            throw new InvalidSchedule("give a cron (seconds minutes hours day-of-month month day-of-week [year])");
        }
        ScheduleTriggers.validate(cron.strip());
        ZoneId zoneId = ScheduleTriggers.zone(zone == null || zone.isBlank() ? ScheduleName.BUSINESS_ZONE.getId() : zone.strip());
        try {
            CronExpression expression = new CronExpression(cron.strip());
            expression.setTimeZone(TimeZone.getTimeZone(zoneId));
            return ist(expression.getNextValidTimeAfter(new Date()));
        } catch (ParseException e) {
            throw new InvalidSchedule(e.getMessage()); // validated above; here for the compiler
        }
    }

    /** Stops the schedule firing until it is resumed; a run in progress goes on. */
    public ScheduleView pause(String name) throws SchedulerException {
        ScheduleName schedule = schedule(name);
        trigger(schedule, AuditAction.SCHEDULE_PAUSE);
        scheduler.pauseTrigger(schedule.triggerKey());
        audit.succeeded(AuditAction.SCHEDULE_PAUSE, target(schedule), null);
        return view(schedule);
    }

    /** Lets a paused schedule fire again; a firing missed while paused runs once now (its misfire policy). */
    public ScheduleView resume(String name) throws SchedulerException {
        ScheduleName schedule = schedule(name);
        trigger(schedule, AuditAction.SCHEDULE_RESUME);
        scheduler.resumeTrigger(schedule.triggerKey());
        audit.succeeded(AuditAction.SCHEDULE_RESUME, target(schedule), null);
        return view(schedule);
    }

    private static ScheduleName schedule(String name) {
        return ScheduleName.of(name).orElseThrow(() -> new UnknownSchedule("no schedule '" + name + "'; the schedules are "
                + Arrays.stream(ScheduleName.values()).map(ScheduleName::id).toList()));
    }

    private CronTrigger trigger(ScheduleName schedule, AuditAction action) throws SchedulerException {
        if (scheduler.getTrigger(schedule.triggerKey()) instanceof CronTrigger trigger) {
            return trigger;
        }
        String reason = "schedule " + schedule.id() + " is disabled in configuration (routeplan.schedules."
                + schedule.id() + ".enabled)";
        audit.refused(action, target(schedule), reason);
        throw new DisabledSchedule(reason);
    }

    private ScheduleView view(ScheduleName schedule) throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(schedule.triggerKey());
        String job = schedule.job().getSimpleName();
        var publishBy = schedule.settings(schedules).publishBy();
        if (!(trigger instanceof CronTrigger cron)) {
            return new ScheduleView(schedule.id(), job, schedule.description(), null, null, State.DISABLED, null, null, publishBy);
        }
        return new ScheduleView(schedule.id(), job, schedule.description(), cron.getCronExpression(),
                cron.getTimeZone().getID(), state(scheduler.getTriggerState(schedule.triggerKey())),
                ist(cron.getNextFireTime()), ist(cron.getPreviousFireTime()), publishBy);
    }

    private static State state(TriggerState state) {
        return switch (state) {
            case NORMAL -> State.SCHEDULED;
            case PAUSED -> State.PAUSED;
            case BLOCKED -> State.RUNNING;
            case ERROR -> State.ERROR;
            case COMPLETE -> State.COMPLETE;
            case NONE -> State.DISABLED;
        };
    }

    private static OffsetDateTime ist(Date time) {
        return time == null ? null : OffsetDateTime.ofInstant(time.toInstant(), ScheduleName.BUSINESS_ZONE);
    }

    private static String target(ScheduleName schedule) {
        return "schedule " + schedule.id();
    }

    /** No schedule of that name. */
    public static class UnknownSchedule extends RuntimeException {
        public UnknownSchedule(String message) {
            super(message);
        }
    }

    /** The schedule is disabled in configuration: it has no trigger to change, pause or resume. */
    public static class DisabledSchedule extends RuntimeException {
        public DisabledSchedule(String message) {
            super(message);
        }
    }
}
