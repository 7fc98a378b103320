package dev.routeplan.app.plans;

import java.util.regex.Pattern;

/**
 * The one rule for a file name taken from a URL: a single plain name, never a path. The
 * security filter chain's firewall already refuses encoded slashes and {@code ..} segments; this
 * check does not rely on it.
 */
public final class ArtifactNames {

    /** Letters, digits, dot, dash, underscore, plus and space: every name the publish step writes, and nothing that navigates. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._+\\- ]{1,255}");

    private ArtifactNames() {
    }

    /** Whether {@code name} names a file in a folder and nothing else (no separator, no parent, no drive, no control character). */
    public static boolean isPlain(String name) {
        return name != null
                && PLAIN.matcher(name).matches()
                && !name.equals(".")
                && !name.contains("..")
                && !name.startsWith(" ")
                && !name.endsWith(" ");
    }
}
