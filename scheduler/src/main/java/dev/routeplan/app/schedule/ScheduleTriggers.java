package dev.routeplan.app.schedule;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.TriggerBuilder;

/**
 * The one way a schedule's trigger is made, from configuration or from an API change. Public for
 * {@link InvalidSchedule} only, which the console catches too; the methods stay in the package.
 */
public final class ScheduleTriggers {

    private ScheduleTriggers() {
    }

    /**
     * A cron trigger that, after missing one or more firings (the service was down), fires once
     * when it comes back and then keeps to its cron.
     *
     * @throws InvalidSchedule when the cron is not a Quartz cron expression
     */
    static CronTrigger cron(ScheduleName schedule, String cron, ZoneId zone) {
        validate(cron);
        return TriggerBuilder.newTrigger().withIdentity(schedule.triggerKey()).forJob(schedule.jobKey())
                .withDescription(schedule.description())
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    static void validate(String cron) {
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            throw notACron(cron, e.getMessage());
        }
        String[] fields = cron.strip().split("\\s+");
        secondsOrMinutes(cron, fields[0], "Second");
        secondsOrMinutes(cron, fields[1], "Minute");
    }

    /**
     * Quartz checks lists, ranges and increments, but takes a lone second or minute of 60 and more
     * (it read {@code 0 99 1 * * ?} as 01:00), so a typing error would move the night unseen.
     */
    private static void secondsOrMinutes(String cron, String field, String name) {
        if (field.matches("\\d{1,9}") && Integer.parseInt(field) > 59) {
            throw notACron(cron, name + " values must be between 0 and 59");
        }
    }

    private static InvalidSchedule notACron(String cron, String why) {
        return new InvalidSchedule("not a Quartz cron expression (seconds minutes hours day-of-month month "
                + "day-of-week [year]): '" + cron + "': " + why);
    }

    static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidSchedule("not a time zone: '" + zone + "' (use a region id such as Asia/Kolkata)");
        }
    }

    /** A change the schedule cannot take: the request is wrong, not the service. */
    public static class InvalidSchedule extends RuntimeException {
        public InvalidSchedule(String message) {
            super(message);
        }
    }
}
