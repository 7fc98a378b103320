package dev.routeplan.planning.domain;

import java.time.LocalTime;

/**
 * A half-open interval {@code [start, end)} of local times (Asia/Kolkata) on the plan date.
 * An end earlier than the start means the window crosses midnight into the next day, as HGV
 * night deliveries in Delhi do; an end of 00:00 means midnight at the end of the plan date.
 *
 * <p>Timelines count seconds from 00:00 on the plan date, so a window crossing midnight ends
 * after 86,400.
 */
public record TimeWindow(LocalTime start, LocalTime end) {

    public static final long SECONDS_PER_DAY = 86_400;

    public TimeWindow {
        if (start == null || end == null) {
            throw new IllegalArgumentException("a time window needs a start and an end");
        }
        if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("empty time window " + start + "-" + end);
        }
    }

    public static TimeWindow of(String start, String end) {
        return new TimeWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /** Seconds after 00:00 on the plan date at which the window opens. */
    public long startSeconds() {
        return start.toSecondOfDay();
    }

    /** Seconds after 00:00 on the plan date at which the window closes (exclusive). */
    public long endSeconds() {
        return crossesMidnight() ? end.toSecondOfDay() + SECONDS_PER_DAY : end.toSecondOfDay();
    }

    public long lengthSeconds() {
        return endSeconds() - startSeconds();
    }

    /** True if the instant, in seconds after 00:00 on the plan date, lies inside {@code [start, end)}. */
    public boolean contains(long seconds) {
        return seconds >= startSeconds() && seconds < endSeconds();
    }

    /** A window of 00:00-00:00 stands for "all day, every day", as for a depot open round the clock. */
    public boolean isAllDay() {
        return start.equals(LocalTime.MIDNIGHT) && end.equals(LocalTime.MIDNIGHT);
    }

    /**
     * True if the instant falls inside the window on any day; the end is included, because a
     * vehicle may come back to a depot at the minute it closes.
     */
    public boolean containsOnAnyDay(long seconds) {
        if (isAllDay()) {
            return true;
        }
        long timeOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
        long from = startSeconds();
        long to = end.toSecondOfDay();
        return crossesMidnight() ? timeOfDay >= from || timeOfDay <= to : timeOfDay >= from && timeOfDay <= to;
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
