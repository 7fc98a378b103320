package dev.routeplan.app.schedule;

import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.batch.store.PlanRevisionStore.Revision;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger.TriggerState;
import org.springframework.stereotype.Component;

/**
 * Watches the night of each schedule that publishes plans against its publish-by time. The night
 * is the schedule's latest slot (its cron's latest time, whether or not it fired: a service that
 * was down still owes the night), its plan date the day after, its deadline the first publish-by
 * (IST) after the slot. The slack (gauge {@value #SLACK}, tag {@code schedule}) is the deadline
 * less the publication time: the actual one once published, else now plus what
 * {@link NightPace} expects the run still needs (nothing when it cannot tell). A night past its
 * deadline unpublished, or whose slack is negative, raises the alert (once: {@link DeadlineAlerts}).
 * A paused schedule is not watched: nobody expects it to publish.
 */
@Component
public class DeadlineMonitor {

    static final String SLACK = "routeplan.deadline.slack.seconds";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Scheduler scheduler;
    private final SchedulesProperties schedules;
    private final PlanRevisionStore revisions;
    private final NightPace pace;
    private final DeadlineAlerts alerts;
    private final Map<ScheduleName, AtomicReference<Double>> slack = new EnumMap<>(ScheduleName.class);
    private final AtomicReference<List<Night>> latest = new AtomicReference<>(List.of());

    DeadlineMonitor(Scheduler scheduler, SchedulesProperties schedules, PlanRevisionStore revisions, NightPace pace,
                    DeadlineAlerts alerts, MeterRegistry meters) {
        this.scheduler = scheduler;
        this.schedules = schedules;
        this.revisions = revisions;
        this.pace = pace;
        this.alerts = alerts;
        for (ScheduleName schedule : watched()) {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            slack.put(schedule, value);
            Gauge.builder(SLACK, value, AtomicReference::get).tag("schedule", schedule.id())
                    .description("seconds between the night's publish-by deadline and its (expected) publication; negative is late")
                    .register(meters);
        }
    }

    /** A night as one check saw it. */
    public record Night(ScheduleName schedule, LocalDate planDate, ZonedDateTime deadline, boolean published,
                        Duration slack, String alert) {
    }

    public List<Night> check(Instant now) throws SchedulerException {
        List<Night> nights = new ArrayList<>();
        for (ScheduleName schedule : watched()) {
            Optional<Night> night = night(schedule, now);
            slack.get(schedule).set(night.map(n -> (double) n.slack().toSeconds()).orElse(Double.NaN));
            night.ifPresent(nights::add);
        }
        latest.set(List.copyOf(nights));
        return nights;
    }

    /** The nights as the last {@link #check} saw them (none before the first): for the console's banner, which must not raise alerts itself. */
    public List<Night> latest() {
        return latest.get();
    }

    private Optional<Night> night(ScheduleName schedule, Instant now) throws SchedulerException {
        LocalTime publishBy = schedule.settings(schedules).publishBy();
        if (!(scheduler.getTrigger(schedule.triggerKey()) instanceof CronTrigger trigger)
                || scheduler.getTriggerState(schedule.triggerKey()) == TriggerState.PAUSED || publishBy == null) {
            return Optional.empty();
        }
        Optional<Instant> slot = CronSlots.latestAtOrBefore(trigger.getCronExpression(), trigger.getTimeZone(), now);
        if (slot.isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime slotTime = slot.get().atZone(ScheduleName.BUSINESS_ZONE);
        LocalDate planDate = slotTime.toLocalDate().plusDays(1);
        ZonedDateTime deadline = slotTime.with(publishBy);
        if (deadline.isBefore(slotTime)) {
            deadline = deadline.plusDays(1);
        }
        Optional<Revision> published = revisions.latest(planDate, PlanRevisionStore.RUN_WIDE);
        if (published.isPresent()) {
            return Optional.of(new Night(schedule, planDate, deadline, true,
                    Duration.between(published.get().publishedAt().toInstant(), deadline.toInstant()), null));
        }
        Optional<Duration> remaining = pace.remaining(planDate, now);
        Instant expected = now.plus(remaining.orElse(Duration.ZERO));
        Duration slackLeft = Duration.between(expected, deadline.toInstant());
        String alert = null;
        if (now.isAfter(deadline.toInstant())) {
            alert = "the plans of " + planDate + " were not published by " + TIME.format(deadline) + " IST (publish-by of "
                    + schedule.id() + "); " + remaining.map(r -> "the run needs about " + minutes(r) + " more")
                    .orElse("no run of it is under way or none could be estimated");
        } else if (slackLeft.isNegative()) {
            alert = "at the current pace the plans of " + planDate + " will be published about "
                    + TIME.format(expected.atZone(ScheduleName.BUSINESS_ZONE)) + " IST, " + minutes(slackLeft.negated())
                    + " after the publish-by time " + TIME.format(deadline) + " IST (" + schedule.id() + ")";
        }
        if (alert != null) {
            alerts.raise(schedule, planDate, deadline, alert, now);
        }
        return Optional.of(new Night(schedule, planDate, deadline, false, slackLeft, alert));
    }

    private static String minutes(Duration duration) {
        return Math.max(1, duration.toMinutes()) + " min";
    }

    /** The schedules whose job publishes the night's plans. */
    private static List<ScheduleName> watched() {
        return List.of(ScheduleName.NIGHTLY_PLAN);
    }
}
