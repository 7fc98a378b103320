package dev.routeplan.app.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's schedules ({@code routeplan.schedules.<name>.cron|zone|publish-by|enabled}). These
 * create a schedule's trigger when the job store has none; once it exists the store is the truth,
 * so a cron, zone or pause changed through the API survives a restart. {@code enabled: false}
 * removes the trigger (its job stays, and nothing fires it).
 *
 * @param alertMailTo   the ops list the deadline alert is mailed to (through {@code spring.mail.*}); none: log and metric only
 * @param alertMailFrom the sender of that mail
 * @param monitorEvery  how often, under {@code serve}, the deadline monitor looks at the night
 * @param monitor       false leaves the monitor to be called (tests); the service keeps it on
 */
@ConfigurationProperties("routeplan.schedules")
public record SchedulesProperties(
        @DefaultValue NightlyPlan nightlyPlan,
        @DefaultValue DeliveryRetry deliveryRetry,
        @DefaultValue RetentionPurge retentionPurge,
        @DefaultValue List<String> alertMailTo,
        @DefaultValue("routeplan@localhost") String alertMailFrom,
        @DefaultValue("1m") Duration monitorEvery,
        @DefaultValue("true") boolean monitor) {

    public SchedulesProperties {
        alertMailTo = alertMailTo == null ? List.of() : List.copyOf(alertMailTo);
    }

    /** What every schedule is configured with. */
    public interface Settings {
        /** Quartz cron (seconds first), e.g. {@code 0 30 1 * * ?} */
        String cron();

        ZoneId zone();

        /** When the night's plans must be published (in {@link ScheduleName#BUSINESS_ZONE}), or null: no deadline. */
        LocalTime publishBy();

        boolean enabled();
    }

    /**
     * Plans the next day (in IST) of each firing.
     *
     * @param solverSeconds how long the solver may think about each depot, as {@code run --solver-seconds}
     */
    public record NightlyPlan(@DefaultValue("0 30 1 * * ?") String cron, @DefaultValue("Asia/Kolkata") ZoneId zone,
                              @DefaultValue("05:30") LocalTime publishBy, @DefaultValue("true") boolean enabled,
                              @DefaultValue("10") double solverSeconds) implements Settings {
    }

    /**
     * Sends again what the recent dates could not deliver (FAILED or still PENDING).
     *
     * @param withinDays how many plan dates back (from today, IST) are still worth re-sending
     */
    public record DeliveryRetry(@DefaultValue("0 0 * * * ?") String cron, @DefaultValue("Asia/Kolkata") ZoneId zone,
                                LocalTime publishBy, @DefaultValue("true") boolean enabled,
                                @DefaultValue("7") int withinDays) implements Settings {
    }

    /**
     * Removes what is kept no longer: audit rows after {@code auditDays} (the seed's 2,555 days,
     * seven years), Spring Batch's finished job executions after {@code batchDays}, and each plan
     * date's operational data (orders, rejects, plans, artifacts and their files, the staged input)
     * once the date is more than {@code planDays} before today in {@code zone}.
     */
    public record RetentionPurge(@DefaultValue("0 0 3 ? * SUN") String cron, @DefaultValue("Asia/Kolkata") ZoneId zone,
                                 LocalTime publishBy, @DefaultValue("true") boolean enabled,
                                 @DefaultValue("2555") int auditDays, @DefaultValue("365") int batchDays,
                                 @DefaultValue("365") int planDays) implements Settings {
    }
}
