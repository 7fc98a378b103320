package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.domain.ClockTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One value of the parsed YAML tree together with where it sits (file, rule, field path), so
 * every typed read can fail with a message that points at the field.
 */
final class PackNode {

    private final String file;
    private final String ruleId;
    private final String path;
    private final Object value;

    PackNode(String file, String ruleId, String path, Object value) {
        this.file = file;
        this.ruleId = ruleId;
        this.path = path;
        this.value = value;
    }

    PackNode inRule(String id) {
        return new PackNode(file, id, "", value);
    }

    /** A child of a mapping; missing if this value is missing, an error if it is not a mapping. */
    PackNode get(String key) {
        Object child = value == null ? null : map().get(key);
        return new PackNode(file, ruleId, path.isEmpty() ? key : path + "." + key, child);
    }

    boolean isMissing() {
        return value == null;
    }

    boolean has(String key) {
        return !get(key).isMissing();
    }

    Object raw() {
        return value;
    }

    String path() {
        return path;
    }

    RulePackException error(String problem) {
        return new RulePackException(file, ruleId, path, problem);
    }

    Map<?, ?> map() {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw error(value == null ? "missing" : "not a mapping");
    }

    List<String> keys() {
        if (value == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (Object key : map().keySet()) {
            keys.add(String.valueOf(key));
        }
        return keys;
    }

    /** The items of a list; a missing value is an empty list. */
    List<PackNode> list() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw error("not a list");
        }
        List<PackNode> nodes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            nodes.add(new PackNode(file, ruleId, path + "[" + i + "]", items.get(i)));
        }
        return nodes;
    }

    /** A scalar or a list of scalars, as the pack writes {@code fuel: DIESEL} and {@code fuel: [PETROL, PETROL_CNG]}. */
    List<String> strings() {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?>) {
            return list().stream().map(PackNode::string).toList();
        }
        return List.of(string());
    }

    String string() {
        if (value == null) {
            throw error("missing");
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw error("not a text value");
        }
        return String.valueOf(value);
    }

    Optional<String> optionalString() {
        return value == null ? Optional.empty() : Optional.of(string());
    }

    int integer() {
        if (value instanceof Integer i) {
            return i;
        }
        throw error(value == null ? "missing" : "not a whole number \"" + value + "\"");
    }

    boolean bool(boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw error("not true or false \"" + value + "\"");
    }

    /** A date written as "yyyy-MM-dd"; unquoted YAML dates arrive as {@link Date} at UTC midnight. */
    LocalDate date() {
        if (value instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(string());
        } catch (DateTimeParseException e) {
            throw error("not a date (yyyy-MM-dd) \"" + value + "\"");
        }
    }

    Optional<LocalDate> optionalDate() {
        return value == null ? Optional.empty() : Optional.of(date());
    }

    /** "HH:mm" as seconds after midnight; "24:00" is the end of the day. */
    int timeOfDaySeconds() {
        if (!(value instanceof String text)) {
            throw error(value == null ? "missing" : "not a time \"" + value + "\"");
        }
        try {
            return ClockTime.secondOfDay(text);
        } catch (DateTimeParseException e) {
            throw error("not a time \"" + value + "\"");
        }
    }
}
