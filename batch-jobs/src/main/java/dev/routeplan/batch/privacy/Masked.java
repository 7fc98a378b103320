package dev.routeplan.batch.privacy;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Personal data as logs and messages may show it: enough to tell two customers apart, not to reach one. */
public final class Masked {

    /** What stands for a hidden part. */
    public static final String HIDDEN = "…";

    private Masked() {
    }

    /** {@code +91XXXXXX1234}: all but the last four digits hidden, whatever the number's shape. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() <= 4) {
            return "X".repeat(digits.length());
        }
        String national = digits.startsWith("91") && digits.length() > 10 ? digits.substring(2) : digits;
        String prefix = national.length() < digits.length() || phone.startsWith("+") ? "+91" : "";
        return prefix + "X".repeat(national.length() - 4) + national.substring(national.length() - 4);
    }

    /**
     * An address without what finds the door: the house, building and street (every part before the
     * last two, comma-separated) become {@code …}; the locality and city stay, which is what
     * analysis of routes needs. An address of one or two parts is hidden whole.
     */
    public static String address(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        String[] parts = address.trim().split("\\s*,\\s*");
        if (parts.length <= 2) {
            return HIDDEN;
        }
        return HIDDEN + ", " + parts[parts.length - 2] + ", " + parts[parts.length - 1];
    }

    /** A name's initials, {@code A. K.} for Asha Kumari. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        // the first letter or digit of each word: "&" or "(Wholesale)" give nothing or "W."
        return Arrays.stream(name.trim().split("\\s+"))
                .map(part -> part.codePoints().filter(Character::isLetterOrDigit).limit(1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
                .filter(initial -> !initial.isEmpty()).map(initial -> initial + ".")
                .collect(Collectors.joining(" "));
    }
}
