package dev.routeplan.planning.domain;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times of day as people write them in input files and rule packs: {@code H:mm} or {@code HH:mm},
 * and {@code 24:00} for the end of the day (a window "20:00-24:00" closes at midnight). The one
 * parser and formatter of such times.
 */
public final class ClockTime {

    /** How a time must be written, for error messages. */
    public static final String EXPECTED = "H:mm or 24:00";

    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)|(24):(00)");

    private ClockTime() {
    }

    /**
     * The time of day; {@code 24:00} is {@link LocalTime#MIDNIGHT}, which {@link TimeWindow} reads
     * as the end of the day when it ends a window.
     *
     * @throws DateTimeParseException when the text is not such a time
     */
    public static LocalTime parse(String text) {
        int seconds = secondOfDay(text);
        return seconds == TimeWindow.SECONDS_PER_DAY ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(seconds);
    }

    /**
     * Seconds after midnight, 0 to 86,400 ({@code 24:00}).
     *
     * @throws DateTimeParseException when the text is not such a time
     */
    public static int secondOfDay(String text) {
        Matcher m = text == null ? null : TIME.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new DateTimeParseException("\"" + text + "\" is not a time " + EXPECTED, String.valueOf(text), 0);
        }
        int hours = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
        int minutes = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
        return hours * 3600 + minutes * 60;
    }

    /** {@code HH:mm} of the time of day at this many seconds after midnight of the plan date (or a day later). */
    public static String format(long secondsAfterMidnight) {
        long s = Math.floorMod(secondsAfterMidnight, TimeWindow.SECONDS_PER_DAY);
        return String.format("%02d:%02d", s / 3600, s % 3600 / 60);
    }

    /** As {@link #format(long)}, but the end of the day (86,400) is {@code 24:00}, as a window's end is written. */
    public static String formatEnd(long secondsAfterMidnight) {
        return secondsAfterMidnight == TimeWindow.SECONDS_PER_DAY ? "24:00" : format(secondsAfterMidnight);
    }

    /** {@code HH:mm}, as {@link #parse} reads it back. */
    public static String format(LocalTime time) {
        return format(time.toSecondOfDay());
    }
}
