package dev.routeplan.planning.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Indian mobile number as orders carry it: {@code +91} and ten digits, the first 6 to 9. */
public final class IndianMobile {

    private static final Pattern NUMBER = Pattern.compile("(?:\\+?91|0)?([6-9]\\d{9})");

    private IndianMobile() {
    }

    /**
     * The number as stored ({@code +919876543210}) from any way a sender writes it: with or without
     * {@code +91}, {@code 91} or {@code 0}, spaces, dashes and brackets; empty when it is not one.
     */
    public static Optional<String> normalise(String written) {
        if (written == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(written.replaceAll("[\\s()-]", ""));
        return m.matches() ? Optional.of("+91" + m.group(1)) : Optional.empty();
    }
}
