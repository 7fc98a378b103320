package dev.routeplan.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A setting as a container of a built overlay sees it: its environment (the ConfigMaps it reads
 * with {@code envFrom}, then its own {@code env}) under Spring Boot's environment-variable name
 * ({@code routeplan.partitioning.worker-port} is {@code ROUTEPLAN_PARTITIONING_WORKERPORT}), else the
 * application's default in scheduler/src/main/resources/application.yaml. Keeps the manifests' port,
 * queue and timings tied to what the app reads instead of to numbers copied into the tests.
 */
record AppSettings(JsonNode defaults, Map<String, String> environment) {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String APPLICATION_YAML = "scheduler/src/main/resources/application.yaml";
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    static AppSettings of(BuiltOverlay built, Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
            if (source.getConfigMapRef() != null) {
                built.all(ConfigMap.class).stream()
                        .filter(map -> map.getMetadata().getName().equals(source.getConfigMapRef().getName()))
                        .forEach(map -> environment.putAll(Objects.requireNonNullElse(map.getData(), Map.of())));
            }
        }
        for (EnvVar env : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
            if (env.getValue() != null) {
                environment.put(env.getName(), env.getValue());
            }
        }
        return new AppSettings(YAML.readTree(Repository.read(APPLICATION_YAML)), environment);
    }

    /** The value of a relaxed property name such as {@code routeplan.partitioning.requests}. */
    String get(String property) {
        String variable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
        if (environment.containsKey(variable)) {
            return environment.get(variable);
        }
        JsonNode node = defaults;
        for (String key : property.split("\\.")) {
            node = node.path(key);
        }
        if (node.isMissingNode() || node.isNull()) {
            throw new AssertionError(property + " is neither in the container's environment (" + variable + ") nor in "
                    + APPLICATION_YAML);
        }
        return node.asString();
    }

    int getInt(String property) {
        return Integer.parseInt(get(property).trim());
    }

    /** A duration in Spring Boot's simple form ({@code 50s}, {@code 2h}, {@code 250ms}). */
    Duration getDuration(String property) {
        String value = get(property).trim();
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new AssertionError(property + "=" + value + " is not a duration like 50s");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
