package dev.routeplan.batch.fetch;

import java.util.regex.Pattern;

/**
 * The one place that decides whether a file name that came from outside (an SFTP listing, an
 * inbox) may become a local file name. Anything that could leave the target folder, hide itself,
 * pass as a command-line option or garble a log line is refused, so callers can resolve the
 * name against their folder without further checks.
 */
public final class SafeFileNames {

    /** File systems we write to (ext4, NTFS) cap a name at 255. */
    static final int MAX_LENGTH = 255;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");

    private SafeFileNames() {
    }

    /** Returns {@code name} unchanged, or throws {@link UnsafeFileNameException} naming it and the reason. */
    public static String require(String name) {
        if (name == null || name.isEmpty()) {
            throw new UnsafeFileNameException(name, "empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new UnsafeFileNameException(name, "names a folder, not a file");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw new UnsafeFileNameException(name, "contains a path separator");
        }
        if (name.chars().anyMatch(SafeFileNames::isControl)) {
            throw new UnsafeFileNameException(name, "contains a NUL or control character");
        }
        if (name.length() > MAX_LENGTH) {
            throw new UnsafeFileNameException(name, "longer than " + MAX_LENGTH + " characters");
        }
        if (name.startsWith("-")) {
            // would be read as an option by any tool the file is handed to
            throw new UnsafeFileNameException(name, "starts with '-'");
        }
        if (name.startsWith(".")) {
            // hidden files are ours: downloads in progress are staged as .<name>.part
            throw new UnsafeFileNameException(name, "starts with '.' (hidden)");
        }
        if (!ALLOWED.matcher(name).matches()) {
            // also rules out drive letters (C:), spaces, quotes, shell and glob characters
            throw new UnsafeFileNameException(name, "only letters A-Z a-z, digits, '.', '_' and '-' are allowed");
        }
        return name;
    }

    /** The name in quotes with control and non-ASCII characters escaped, safe to put in a log line or message. */
    static String quote(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), 300) + 2).append('"');
        int shown = Math.min(name.length(), 300);   // an absurdly long name is still named, not dumped
        for (int i = 0; i < shown; i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (shown < name.length()) {
            out.append("...(").append(name.length()).append(" chars)");
        }
        return out.append('"').toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }
}
