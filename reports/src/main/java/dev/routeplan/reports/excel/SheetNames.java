package dev.routeplan.reports.excel;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out sheet names Excel accepts: at most 31 characters, none of {@code []:*?/\}, no quote
 * at either end, and unique ignoring case (Excel refuses a second "dl1lab1234" next to
 * "DL1LAB1234"). Vehicle ids come from fleet files, so any of these can happen.
 */
public final class SheetNames {

    static final int MAX_LENGTH = 31;
    private static final String FALLBACK = "Route";

    private final Set<String> taken = new HashSet<>();

    /** Claims {@code wanted} made safe, adding " (2)", " (3)"... when it is already taken. */
    public String claim(String wanted) {
        String base = sanitise(wanted);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = truncate(base, MAX_LENGTH - suffix.length()) + suffix;
        }
        return name;
    }

    static String sanitise(String wanted) {
        String cleaned = wanted == null ? "" : wanted.replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", "_");
        cleaned = cleaned.replaceAll("^'+|'+$", "").strip();
        return cleaned.isEmpty() ? FALLBACK : truncate(cleaned, MAX_LENGTH);
    }

    private static String truncate(String value, int length) {
        if (value.length() <= length) {
            return value;
        }
        // never cut a surrogate pair in half: half a character is not a valid name
        int end = Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length;
        return value.substring(0, end);
    }
}
