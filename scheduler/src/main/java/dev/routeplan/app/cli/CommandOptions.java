package dev.routeplan.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options after the command: {@code --name value} pairs the command knows, and Spring
 * settings ({@code --spring.*}, {@code --routeplan.*}, {@code --logging.*}) passed to the application.
 */
final class CommandOptions {

    private final Map<String, String> values = new HashMap<>();
    private final java.util.Set<String> flags = new java.util.HashSet<>();
    private final List<String> springArgs = new ArrayList<>();

    private CommandOptions() {
    }

    static CommandOptions parse(List<String> args, Set<String> known) {
        return parse(args, known, Set.of());
    }

    /** {@code knownFlags} are options without a value, such as {@code --recover}. */
    static CommandOptions parse(List<String> args, Set<String> known, Set<String> knownFlags) {
        CommandOptions options = new CommandOptions();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--spring.") || arg.startsWith("--routeplan.") || arg.startsWith("--logging.")) {
                options.springArgs.add(arg);
                continue;
            }
            if (arg.startsWith("--") && knownFlags.contains(arg.substring(2))) {
                options.flags.add(arg.substring(2));
                continue;
            }
            if (!arg.startsWith("--") || !known.contains(arg.substring(2))) {
                throw new UsageException("unknown option " + arg);
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(arg + " needs a value");
            }
            options.values.put(arg.substring(2), args.get(++i));
        }
        return options;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String[] springArgs() {
        return springArgs.toArray(String[]::new);
    }

    LocalDate date(String name) {
        String value = required(name);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " " + value + " is not a date like 2026-12-01");
        }
    }

    Path path(String name, Path fallback) {
        String value = values.get(name);
        return value == null ? fallback : Path.of(value);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    Path path(String name) {
        return Path.of(required(name));
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " " + value + " is not a whole number");
        }
    }

    java.time.OffsetDateTime instant(String name) {
        String value = required(name);
        try {
            return java.time.OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + " " + value + " is not a time like 2026-12-01T23:30+05:30");
        }
    }

    Integer optionalInteger(String name) {
        return values.containsKey(name) ? integer(name, 0) : null;
    }

    double decimal(String name, double fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " " + value + " is not a number");
        }
    }

    private String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    /** A command line the user must correct. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
