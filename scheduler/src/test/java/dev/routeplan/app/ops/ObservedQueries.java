package dev.routeplan.app.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL that operations will run against the scrape: each rule of the rule files that
 * {@code prometheus.yml} loads, and each query of each Grafana dashboard (panel targets, rows'
 * panels included, and the metric of a {@code label_values} variable), with where it is written.
 */
record ObservedQueries(List<Query> rules, List<Query> panels, List<Query> variables, Set<String> recorded) {

    /** One expression and where it is written, e.g. {@code alerts.yml: alert RouteplanDown}. */
    record Query(String where, String expr) {
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("\\s*label_values\\(\\s*(.+?)\\s*,\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)\\s*");
    private static final Pattern QUERY_RESULT = Pattern.compile("\\s*query_result\\((.*)\\)\\s*");

    static ObservedQueries read(Path prometheusConfig, Path dashboards) {
        List<Query> rules = new ArrayList<>();
        Set<String> recorded = new TreeSet<>();
        for (Path file : ruleFiles(prometheusConfig)) {
            Map<String, Object> content = yaml(file);
            for (Map<String, Object> group : ObservedQueries.<Map<String, Object>>list(content.get("groups"))) {
                for (Map<String, Object> rule : ObservedQueries.<Map<String, Object>>list(group.get("rules"))) {
                    String kind = rule.containsKey("alert") ? "alert" : "record";
                    rules.add(new Query(file.getFileName() + ": " + kind + " " + rule.get(kind), String.valueOf(rule.get("expr"))));
                    if (kind.equals("record")) {
                        recorded.add(String.valueOf(rule.get("record")));
                    }
                }
            }
        }
        List<Query> panels = new ArrayList<>();
        List<Query> variables = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (Path file : files(dashboards, "*.json")) {
            JsonNode board = json.readTree(file.toFile());
            String name = file.getFileName().toString();
            addPanels(name, board.path("panels"), panels);
            for (JsonNode variable : board.path("templating").path("list")) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asString("") : query.asString("");
                String where = name + ": variable " + variable.path("name").asString();
                Matcher labelValues = LABEL_VALUES.matcher(text);
                Matcher queryResult = QUERY_RESULT.matcher(text);
                if (labelValues.matches()) {
                    variables.add(new Query(where, labelValues.group(1)));
                } else if (queryResult.matches()) {
                    variables.add(new Query(where, queryResult.group(1)));
                }
            }
        }
        return new ObservedQueries(List.copyOf(rules), List.copyOf(panels), List.copyOf(variables), Set.copyOf(recorded));
    }

    /** Every series name used, with where: rules, panels and variables. */
    Map<String, Set<String>> seriesNames() {
        Map<String, Set<String>> used = new TreeMap<>();
        for (List<Query> queries : List.of(rules, panels, variables)) {
            for (Query query : queries) {
                for (String name : PromqlSeriesNames.of(query.expr())) {
                    used.computeIfAbsent(name, n -> new TreeSet<>()).add(query.where());
                }
            }
        }
        return used;
    }

    /** Every selector that requires exact label values (as PromQL), with where: rules, panels and variables. */
    Map<String, Set<String>> exactSelectors() {
        Map<String, Set<String>> used = new TreeMap<>();
        for (List<Query> queries : List.of(rules, panels, variables)) {
            for (Query query : queries) {
                for (PromqlSeriesNames.Selector selector : PromqlSeriesNames.exactSelectors(query.expr())) {
                    used.computeIfAbsent(selector.promql(), s -> new TreeSet<>()).add(query.where());
                }
            }
        }
        return used;
    }

    /** The rule files {@code rule_files} names (paths or file-name globs), relative to prometheus.yml's folder. */
    static List<Path> ruleFiles(Path prometheusConfig) {
        Path folder = prometheusConfig.toAbsolutePath().getParent();
        List<Path> found = new ArrayList<>();
        for (Object pattern : list(yaml(prometheusConfig).get("rule_files"))) {
            Path path = folder.resolve(String.valueOf(pattern));
            found.addAll(path.getFileName().toString().contains("*") ? files(path.getParent(), path.getFileName().toString())
                    : List.of(path));
        }
        return found;
    }

    private static void addPanels(String board, JsonNode panels, List<Query> found) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    found.add(new Query(board + ": panel \"" + panel.path("title").asString() + "\"", target.get("expr").asString()));
                }
            }
            addPanels(board, panel.path("panels"), found);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object value) {
        return value == null ? List.of() : (List<T>) value;
    }

    private static List<Path> files(Path folder, String glob) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, glob)) {
            List<Path> found = new ArrayList<>();
            stream.forEach(found::add);
            found.sort(null);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
