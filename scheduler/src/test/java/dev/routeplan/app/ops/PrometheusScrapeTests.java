package dev.routeplan.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.routeplan.app.LoopbackPorts;
import dev.routeplan.app.PostgresSchema;
import dev.routeplan.app.RouteplanApplication;
import dev.routeplan.app.runs.SampleServiceFolders;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Prometheus, run from the real {@code config/prometheus/prometheus.yml} and alert rules,
 * scraping the service on loopback (PostgreSQL in a schema of its own, Redis, the schedule started
 * as {@code routeplan serve} starts it) through a night that completes and one that fails on a
 * broken fleet file: the scrape works with the client-credentials token; every series the rules
 * and the Grafana dashboards name, and every exact label value they select, is one it scraped;
 * every rule and panel query runs on it; and the failed night raises the run-failed alert. The folders read are parameters ({@value #PROMETHEUS_CONFIG}, {@value #DASHBOARDS}), so
 * that a broken copy can be tried.
 */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "routeplan.security.signing-key=target/test-keys/prometheus-scrape/${random.uuid}.json",
        "logging.level.dev.routeplan=WARN",
        // as `routeplan serve` has it: the schedules run
        "spring.quartz.auto-startup=true",
        // the compliance mail enabled with its server down: the sample day ends with a FAILED delivery to count
        "routeplan.mail.enabled=true",
        "routeplan.mail.recipients=ops@routeplan.test",
        "routeplan.mail.max-attempts=1",
        "routeplan.redis.key-prefix=routeplan-prometheus-scrape:"
})
@ActiveProfiles("postgres")
@Import(TestTokens.class)
// the runs must not outlive the class on a cached context
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusScrapeTests {

    static final String PROMETHEUS_CONFIG = "routeplan.test.prometheus-config";
    static final String DASHBOARDS = "routeplan.test.grafana-dashboards";
    private static final Path CONFIG_FILE = Path.of(System.getProperty(PROMETHEUS_CONFIG, "../config/prometheus/prometheus.yml"));
    private static final Path DASHBOARD_FOLDER = Path.of(System.getProperty(DASHBOARDS, "../config/grafana/dashboards"));
    private static final String JOB = "routeplan";
    private static final String RUN_FAILED_ALERT = "RouteplanNightlyRunFailed";
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
    /**
     * Series a rule or panel may name that routeplan does not export, each with the job of
     * prometheus.yml that scrapes its exporter. None yet: the stack runs no node, PostgreSQL or
     * Redis exporter, and the rules read host and store health off the app's own meters instead
     * (config/prometheus/README.md). {@code up} needs no entry: Prometheus writes it for each
     * target, so it is among the names of the routeplan job's own series.
     */
    private static final Map<String, String> FROM_OTHER_JOBS = Map.of();

    private static final PostgresSchema SCHEMA = new PostgresSchema();
    private static final Path FOLDER = SampleServiceFolders.withSamples("routeplan-prometheus-scrape");
    private static final String CLIENT_SECRET = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
        SampleServiceFolders.registerForRealServer(registry, FOLDER);
        int closed = LoopbackPorts.closed();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> closed);
        // the scraper as README "Operations" configures it: the client id of prometheus.yml, a bcrypt hash, METRICS
        registry.add("routeplan.security.clients[0].id", PrometheusScrapeTests::clientId);
        registry.add("routeplan.security.clients[0].secret-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder().encode(CLIENT_SECRET));
        registry.add("routeplan.security.clients[0].roles", () -> "METRICS");
    }

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private LoopbackPrometheus prometheus;
    private ObservedQueries queries;
    private List<JsonNode> runFailedAlertBefore;
    private String failedRun;

    @BeforeAll
    void startPrometheusThenRunAGoodNightAndABadOne() throws Exception {
        queries = ObservedQueries.read(CONFIG_FILE, DASHBOARD_FOLDER);
        prometheus = LoopbackPrometheus.start(CONFIG_FILE, port, CLIENT_SECRET);
        assertThat(awaitEnd(startRun("2026-12-01"))).as("the sample day's run").isEqualTo("COMPLETED");
        awaitAScrapeAndItsEvaluation();
        runFailedAlertBefore = alert(RUN_FAILED_ALERT);

        // the next night's fleet file has a vehicle whose weight is not a number
        Path fleet = FOLDER.resolve("input/fleet.csv");
        List<String> good = Files.readAllLines(fleet);
        List<String> bad = new ArrayList<>(good);
        List<String> columns = List.of(bad.get(0).split(","));
        String[] vehicle = bad.get(1).split(",", -1);
        vehicle[columns.indexOf("gvw_kg")] = "heavy";
        bad.set(1, String.join(",", vehicle));
        Files.write(fleet, bad);
        try {
            failedRun = awaitEnd(startRun("2026-12-02"));
        } finally {
            Files.write(fleet, good);
        }
        awaitAScrapeAndItsEvaluation();
    }

    @AfterAll
    void stopPrometheusAndDropTheSchema() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        SCHEMA.drop();
        try (Stream<Path> files = Files.walk(FOLDER)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void scrapesTheServiceWithATokenOfTheClientCredentialsGrant() throws Exception {
        JsonNode target = prometheus.target(JOB).orElseThrow(() -> new AssertionError("no target of job " + JOB));

        assertThat(target.path("scrapeUrl").asString()).isEqualTo(service() + "/actuator/prometheus");
        assertThat(target.path("health").asString()).as("last error: %s\n%s", target.path("lastError").asString(),
                prometheus.logTail()).isEqualTo("up");
        // the endpoint is closed without a token: the scrape is up because the client-credentials token was accepted
        assertThat(http.send(HttpRequest.newBuilder(URI.create(service() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }

    @Test
    void everySeriesTheRulesAndPanelsNameIsInTheScrapeOfTheService() {
        Set<String> ofTheService = prometheus.seriesNames("{job=\"" + JOB + "\"}");
        Set<String> recorded = prometheus.seriesNames(null);
        Set<String> jobs = jobsOf(CONFIG_FILE);
        assertThat(queries.rules()).as("rules in %s", CONFIG_FILE).isNotEmpty();
        assertThat(queries.panels()).as("panel queries in %s", DASHBOARD_FOLDER).isNotEmpty();

        List<String> problems = new ArrayList<>();
        for (List<ObservedQueries.Query> kind : List.of(queries.rules(), queries.panels())) {
            kind.stream().filter(q -> PromqlSeriesNames.of(q.expr()).isEmpty())
                    .forEach(q -> problems.add(q.where() + " names no series: " + q.expr()));
        }
        queries.seriesNames().forEach((name, where) -> {
            if (FROM_OTHER_JOBS.containsKey(name)) {
                if (!jobs.contains(FROM_OTHER_JOBS.get(name))) {
                    problems.add(name + " is said to come from job " + FROM_OTHER_JOBS.get(name) + ", which prometheus.yml does not scrape");
                }
            } else if (queries.recorded().contains(name) ? !recorded.contains(name) : !ofTheService.contains(name)) {
                problems.add(name + " is not a series routeplan exports (used in " + String.join("; ", where) + ")");
            }
        });

        assertThat(problems).as("%d series names used by %d rules and %d panel queries, against the %d names Prometheus scraped "
                        + "from job %s", queries.seriesNames().size(), queries.rules().size(), queries.panels().size(),
                ofTheService.size(), JOB).isEmpty();
    }

    @Test
    void everyLabelValueTheRulesAndPanelsSelectExactlyIsInTheScrapeOfTheService() {
        Map<String, Set<String>> selectors = queries.exactSelectors();
        List<String> problems = new ArrayList<>();
        selectors.forEach((selector, where) -> {
            if (!prometheus.hasSeries(selector)) {
                problems.add(selector + " selects no series Prometheus scraped (used in " + String.join("; ", where) + ")"
                        + (selector.matches(".*[{,](job|instance)=.*") ? "; Prometheus stores a scraped job or instance"
                        + " label as exported_job or exported_instance" : ""));
            }
        });

        assertThat(selectors).as("selectors with exact label values").isNotEmpty();
        assertThat(problems).as("%d selectors with exact label values, after a completed and a failed night", selectors.size())
                .isEmpty();
    }

    @Test
    void everyRuleEvaluatesAndEveryPanelQueryRunsOnTheScrapedSeries() {
        // (each rule was evaluated after both nights were scraped)
        List<String> problems = new ArrayList<>();
        rules().filter(rule -> !rule.path("health").asString().equals("ok"))
                .forEach(rule -> problems.add("rule " + rule.path("name").asString() + ": " + rule.path("health").asString()
                        + " " + rule.path("lastError").asString()));
        for (ObservedQueries.Query panel : queries.panels()) {
            prometheus.queryError(asGrafanaSendsIt(panel.expr())).ifPresent(error -> problems.add(panel.where() + ": " + error));
        }

        assertThat(rules().count()).isEqualTo(queries.rules().size());
        assertThat(problems).isEmpty();
    }

    @Test
    void aFailedNightlyRunMakesTheRunFailedAlertGoPending() {
        assertThat(queries.rules()).as("alert %s in the rule files", RUN_FAILED_ALERT)
                .anyMatch(rule -> rule.where().endsWith(": alert " + RUN_FAILED_ALERT));
        assertThat(runFailedAlertBefore).as("after the completed night").isEmpty();
        assertThat(failedRun).as("the night with a broken fleet file").isEqualTo("FAILED");

        await().atMost(Duration.ofSeconds(60)).until(() -> !alert(RUN_FAILED_ALERT).isEmpty());
        JsonNode alert = alert(RUN_FAILED_ALERT).get(0);
        assertThat(alert.path("state").asString()).isIn("pending", "firing");
        assertThat(alert.path("labels").path("instance").asString()).isEqualTo("127.0.0.1:" + port);
        assertThat(alert.path("labels").path("severity").asString()).isEqualTo("critical");
    }

    /** Until Prometheus scraped the service from now on, then evaluated every rule on that scrape. */
    private void awaitAScrapeAndItsEvaluation() {
        Instant now = Instant.now().plusSeconds(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> prometheus.lastScrape(JOB).isAfter(now));
        Instant scraped = prometheus.lastScrape(JOB);
        await().atMost(Duration.ofSeconds(60)).until(() -> rules().allMatch(rule ->
                OffsetDateTime.parse(rule.path("lastEvaluation").asString()).toInstant().isAfter(scraped)));
    }

    private List<JsonNode> alert(String name) {
        return StreamSupport.stream(prometheus.alerts().spliterator(), false)
                .filter(a -> a.path("labels").path("alertname").asString().equals(name)).toList();
    }

    private Stream<JsonNode> rules() {
        return StreamSupport.stream(prometheus.ruleGroups().spliterator(), false)
                .flatMap(group -> StreamSupport.stream(group.path("rules").spliterator(), false));
    }

    /** A panel's query with Grafana's variables as it fills them in: a window for the range ones, "all" for the rest. */
    static String asGrafanaSendsIt(String expr) {
        return expr.replaceAll("\\$\\{?__(range|rate_interval|interval)}?", "5m").replaceAll("\\$\\{?[a-zA-Z_]\\w*}?", ".*");
    }

    private static Set<String> jobsOf(Path config) {
        Set<String> jobs = new TreeSet<>();
        for (Map<String, Object> job : ObservedQueries.<Map<String, Object>>list(ObservedQueries.yaml(config).get("scrape_configs"))) {
            jobs.add(String.valueOf(job.get("job_name")));
        }
        return jobs;
    }

    private static String clientId() {
        for (Map<String, Object> job : ObservedQueries.<Map<String, Object>>list(ObservedQueries.yaml(CONFIG_FILE).get("scrape_configs"))) {
            if (JOB.equals(job.get("job_name")) && job.get("oauth2") instanceof Map<?, ?> oauth2) {
                return String.valueOf(oauth2.get("client_id"));
            }
        }
        throw new IllegalStateException(CONFIG_FILE + ": job " + JOB + " has no oauth2 client_id");
    }

    private long startRun(String date) throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(service() + "/api/v1/runs"))
                .header("Authorization", "Bearer " + tokens.token(Role.OPS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"planDate\":\"" + date + "\",\"grapStage\":0,\"solverSeconds\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return json.readTree(started.body()).get("id").asLong();
    }

    /** Waits for the run to end; its status. */
    private String awaitEnd(long id) {
        return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> runStatus(id), ENDED::contains);
    }

    private String runStatus(long id) throws IOException, InterruptedException {
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create(service() + "/api/v1/runs/" + id))
                .header("Authorization", "Bearer " + tokens.token(Role.OPS)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(run.body()).get("status").asString();
    }

    private String service() {
        return "http://127.0.0.1:" + port;
    }
}
