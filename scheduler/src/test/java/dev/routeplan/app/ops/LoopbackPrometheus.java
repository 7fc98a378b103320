package dev.routeplan.app.ops;

import dev.routeplan.app.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Prometheus ({@value #BINARY}) on a loopback port of its own with a temporary storage
 * folder, run from the real {@code prometheus.yml} and the rule files it names. Only what cannot be
 * the same on loopback is swapped ({@link #forLoopback}): the targets, the token URL's host, the
 * client secret's file and the intervals (1 s, so that a test sees scrapes and alerts at once).
 */
final class LoopbackPrometheus implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");
    static final String DEBIAN_PACKAGE = "prometheus";
    static final String INTERVAL = "1s";

    private final Process process;
    private final Path folder;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private LoopbackPrometheus(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** Starts Prometheus scraping the service at {@code servicePort} as client {@code clientSecret}'s owner; returns when it is ready. */
    static LoopbackPrometheus start(Path prometheusConfig, int servicePort, String clientSecret) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's package " + DEBIAN_PACKAGE
                    + " (apt-get install --no-install-recommends " + DEBIAN_PACKAGE + "; scripts/test.sh does)");
        }
        Path folder = Files.createTempDirectory("routeplan-prometheus");
        int port = LoopbackPorts.closed();
        Path secret = Files.writeString(folder.resolve("routeplan-client-secret"), clientSecret);
        Map<String, Object> config = forLoopback(ObservedQueries.yaml(prometheusConfig), servicePort, port, secret);
        Path configFile = folder.resolve("prometheus.yml");
        Files.writeString(configFile, new Yaml(blockStyle()).dump(config));
        // the rule files as prometheus.yml names them, beside the generated config
        Path source = prometheusConfig.toAbsolutePath().getParent();
        for (Path rules : ObservedQueries.ruleFiles(prometheusConfig)) {
            Path copy = folder.resolve(source.relativize(rules.toAbsolutePath()));
            Files.createDirectories(copy.getParent());
            Files.copy(rules, copy);
        }
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + configFile,
                "--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile()).start();
        LoopbackPrometheus prometheus = new LoopbackPrometheus(process, folder, port);
        prometheus.awaitReady(Duration.ofSeconds(60));
        return prometheus;
    }

    /**
     * The real config with its jobs pointed at loopback: {@code routeplan} at the service (its
     * metrics path, scheme, client id and token path kept), {@code prometheus} at this Prometheus.
     * A job of another name has no stand-in here: this test must be taught it first.
     */
    static Map<String, Object> forLoopback(Map<String, Object> real, int servicePort, int ownPort, Path secretFile) {
        Map<String, Object> config = new LinkedHashMap<>(real);
        @SuppressWarnings("unchecked")
        Map<String, Object> global = new LinkedHashMap<>((Map<String, Object>) config.getOrDefault("global", Map.of()));
        global.put("scrape_interval", INTERVAL);
        global.put("scrape_timeout", INTERVAL);
        global.put("evaluation_interval", INTERVAL);
        config.put("global", global);
        // no Alertmanager on loopback: an alert's pending and firing states are Prometheus' own
        config.remove("alerting");
        for (Map<String, Object> job : ObservedQueries.<Map<String, Object>>list(config.get("scrape_configs"))) {
            String name = String.valueOf(job.get("job_name"));
            job.remove("scrape_interval");
            job.remove("scrape_timeout");
            if (!job.containsKey("static_configs")) {
                throw new IllegalStateException("prometheus.yml: job " + name + " has no static_configs to point at loopback");
            }
            switch (name) {
                case "routeplan" -> {
                    job.put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + servicePort))));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> oauth2 = (Map<String, Object>) job.get("oauth2");
                    if (oauth2 == null) {
                        throw new IllegalStateException("prometheus.yml: job routeplan has no oauth2 block, and "
                                + "/actuator/prometheus answers only a METRICS token");
                    }
                    oauth2.put("token_url", onLoopback(String.valueOf(oauth2.get("token_url")), servicePort));
                    oauth2.put("client_secret_file", secretFile.toString());
                }
                case "prometheus" -> job.put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + ownPort))));
                default -> throw new IllegalStateException("prometheus.yml: job " + name + " has no stand-in in "
                        + "PrometheusScrapeTests: start its exporter there, or list the names it exports among FROM_OTHER_JOBS");
            }
        }
        return config;
    }

    private static String onLoopback(String url, int port) {
        try {
            URI real = new URI(url);
            return new URI(real.getScheme(), null, "127.0.0.1", port, real.getPath(), real.getQuery(), null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("prometheus.yml: token_url " + url + " is not a URL", e);
        }
    }

    /** The active target of {@code job} as {@code /api/v1/targets} shows it. */
    Optional<JsonNode> target(String job) {
        for (JsonNode target : api("/api/v1/targets?state=active").path("activeTargets")) {
            if (target.path("labels").path("job").asString().equals(job)) {
                return Optional.of(target);
            }
        }
        return Optional.empty();
    }

    /** When {@code job}'s target was last scraped; the epoch before its first scrape. */
    Instant lastScrape(String job) {
        return target(job).map(t -> OffsetDateTime.parse(t.path("lastScrape").asString()).toInstant()).orElse(Instant.EPOCH);
    }

    /** The names of the series Prometheus holds that match {@code selector} (all when null). */
    Set<String> seriesNames(String selector) {
        String query = selector == null ? "" : "?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8);
        Set<String> names = new TreeSet<>();
        api("/api/v1/label/__name__/values" + query).forEach(name -> names.add(name.asString()));
        return names;
    }

    /** Whether Prometheus holds a series {@code selector} selects, at any time it stored. */
    boolean hasSeries(String selector) {
        return !api("/api/v1/series?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8)).isEmpty();
    }

    /** The alerts that are pending or firing. */
    JsonNode alerts() {
        return api("/api/v1/alerts").path("alerts");
    }

    /** The rule groups as last evaluated. */
    JsonNode ruleGroups() {
        return api("/api/v1/rules").path("groups");
    }

    /** The error Prometheus answers an instant query with, if any (syntax, or a failure on the series it holds). */
    Optional<String> queryError(String expr) {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        return answer.path("status").asString().equals("success") ? Optional.empty()
                : Optional.of(answer.path("errorType").asString() + ": " + answer.path("error").asString());
    }

    /** The last lines of Prometheus' own log, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(folder.resolve("prometheus.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private JsonNode api(String pathAndQuery) {
        JsonNode answer = get(pathAndQuery);
        if (!answer.path("status").asString().equals("success")) {
            throw new IllegalStateException("Prometheus answered " + pathAndQuery + " with " + answer);
        }
        return answer.path("data");
    }

    private JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration atMost) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("prometheus was not ready on 127.0.0.1:" + port + " within " + atMost + ":\n" + logTail());
    }

    private static DumperOptions blockStyle() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return options;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
