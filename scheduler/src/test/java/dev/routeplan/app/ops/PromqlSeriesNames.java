package dev.routeplan.app.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series names a PromQL expression selects: its metric names, without its functions,
 * keywords, label names, durations, numbers and Grafana variables. Prometheus 2.42 has no parse
 * endpoint to ask, so this reads the expression the way its lexer does, for the shapes that rules
 * and panels use: what it cannot tell (a regular expression on {@code __name__}) it refuses.
 */
final class PromqlSeriesNames {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan", "atan2", "start", "end");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-zA-Z]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern AT = Pattern.compile("@\\s*(start\\(\\)|end\\(\\)|[0-9.e+-]+)");
    // an identifier not inside another word, a number or a Grafana variable ($__range, ${depot})
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Pattern SELECTOR = Pattern.compile("(?<![\\w$.:])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    // label="value" only: =~, != and !~ do not match it, as "=" must follow the label name
    private static final Pattern EXACT = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A series name with the labels a selector of it must have exactly ({@code label="value"}; other matchers left out). */
    record Selector(String name, Map<String, String> exactLabels) {

        /** As PromQL, e.g. {@code up{job="routeplan"}}. */
        String promql() {
            StringBuilder text = new StringBuilder(name).append('{');
            exactLabels.forEach((label, value) -> text.append(text.charAt(text.length() - 1) == '{' ? "" : ",")
                    .append(label).append("=\"").append(value).append('"'));
            return text.append('}').toString();
        }
    }

    private PromqlSeriesNames() {
    }

    /**
     * The selectors of the expression that require exact label values, Grafana variables left out:
     * {@code x{job="a", uri=~"/api/.*", depot=~"$depot"}} is x with job a.
     */
    static List<Selector> exactSelectors(String expression) {
        Set<String> names = of(expression);
        List<Selector> selectors = new ArrayList<>();
        Matcher selector = SELECTOR.matcher(expression);
        while (selector.find()) {
            if (!names.contains(selector.group(1))) {
                continue;
            }
            Map<String, String> exact = new TreeMap<>();
            Matcher label = EXACT.matcher(selector.group(2));
            while (label.find()) {
                if (!label.group(2).contains("$") && !label.group(1).equals("__name__")) {
                    exact.put(label.group(1), label.group(2));
                }
            }
            if (!exact.isEmpty()) {
                selectors.add(new Selector(selector.group(1), Collections.unmodifiableMap(exact)));
            }
        }
        return selectors;
    }

    static Set<String> of(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher byName = NAME_MATCHER.matcher(expression);
        while (byName.find()) {
            if (!byName.group(1).equals("=")) {
                throw new IllegalArgumentException("cannot tell which series " + byName.group() + " selects, in: " + expression);
            }
            names.add(byName.group(2));
        }
        String text = STRING.matcher(expression).replaceAll("\"\"");
        text = LABEL_MATCHERS.matcher(text).replaceAll(" ");
        text = RANGE.matcher(text).replaceAll(" ");
        text = GROUPING.matcher(text).replaceAll(" ");
        text = OFFSET.matcher(text).replaceAll(" ");
        text = AT.matcher(text).replaceAll(" ");
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            boolean call = identifier.group(2) != null;
            if (!call && !KEYWORDS.contains(identifier.group(1).toLowerCase(Locale.ROOT))) {
                names.add(identifier.group(1));
            }
        }
        return names;
    }
}
