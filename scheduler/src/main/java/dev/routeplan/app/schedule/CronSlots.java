package dev.routeplan.app.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** The times a cron stands for, which Quartz only answers forwards. */
final class CronSlots {

    /** How far back a slot is looked for: a weekly cron's last firing is within it. */
    private static final Duration LOOKBACK = Duration.ofDays(8);

    private CronSlots() {
    }

    /** The latest time the cron names at or before {@code at}, if one is within the last eight days. */
    static Optional<Instant> latestAtOrBefore(String cron, TimeZone zone, Instant at) {
        CronExpression expression = parse(cron, zone);
        Instant latest = null;
        Date next = expression.getTimeAfter(Date.from(at.minus(LOOKBACK)));
        while (next != null && !next.toInstant().isAfter(at)) {
            latest = next.toInstant();
            next = expression.getTimeAfter(next);
        }
        return Optional.ofNullable(latest);
    }

    private static CronExpression parse(String cron, TimeZone zone) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(zone);
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a Quartz cron expression: " + cron + " (" + e.getMessage() + ")", e);
        }
    }
}
