package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.LoopbackPorts;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.SecurityProperties;
import dev.routeplan.app.security.SigningKey;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import dev.routeplan.batch.store.OrderStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operations see of a real run of the sample day: the Prometheus scrape (as the scraper, with
 * a METRICS token) and the service's JSON log lines, of the run and of an API call. The compliance
 * mail is enabled with its server down, so the run ends with a FAILED delivery to count; its
 * password, the scraper's token and the signing key are secrets no log line may carry.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "logging.structured.format.console=ecs",
        "logging.level.dev.routeplan.batch=INFO",
        "logging.level.dev.routeplan.app.ops=DEBUG",
        "routeplan.mail.enabled=true",
        "routeplan.mail.recipients=ops@routeplan.test",
        "routeplan.mail.max-attempts=1",
        "spring.mail.username=routeplan-mailer",
        "spring.mail.password=" + ObservabilityOfASampleDayTests.MAIL_PASSWORD
})
class ObservabilityOfASampleDayTests {

    static final String MAIL_PASSWORD = "mail-pw-5d1c9e";
    private static final LocalDate DATE = LocalDate.of(2026, 12, 1);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    PlanRuns runs;
    @Autowired
    OrderStore orders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    SecurityProperties security;

    private Path folder;
    private JobExecution run;
    private String runLog;
    private String apiLog;
    private String scrape;
    private String scraperToken;

    @DynamicPropertySource
    static void mailServerDown(DynamicPropertyRegistry registry) {
        int closed = LoopbackPorts.closed();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> closed);
    }

    @BeforeAll
    void runTheSampleDayThenScrape() throws Exception {
        folder = Files.createTempDirectory("routeplan-observed-day");
        Path input = SampleDay.copySamplesInto(folder.resolve("input"));
        runLog = capturingStandardOutput(() -> run = runs.run(DATE, input, folder.resolve("out"), 0, 1));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        scraperToken = tokens.token("prometheus-scraper", List.of(Role.METRICS));
        apiLog = capturingStandardOutput(() -> scrape = mvc.perform(get("/actuator/prometheus")
                        .header("Authorization", "Bearer " + scraperToken).header("X-Request-Id", "scrape-42"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Request-Id", "scrape-42"))
                .andReturn().getResponse().getContentAsString());
    }

    @AfterAll
    void deleteTheFolders() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void theRunCompletes() {
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void noLogLineCarriesTheMailPasswordTheScrapersTokenOrTheSigningKey() {
        String logs = runLog + apiLog;
        assertThat(logs).as("the mail delivery's failure is logged").contains("ops@routeplan.test");
        String privateExponent = SigningKey.loadOrCreate(security.signingKey()).getPrivateExponent().toString();
        assertThat(logs).doesNotContain(MAIL_PASSWORD)
                .doesNotContain(scraperToken)
                .doesNotContain(scraperToken.substring(scraperToken.lastIndexOf('.') + 1))
                .doesNotContain(privateExponent);
    }

    @Test
    void noLogLineCarriesACustomersNamePhoneOrAddress() throws IOException {
        String logs = runLog + apiLog;
        List<String> personal = new ArrayList<>();
        try (CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(Files.newBufferedReader(SampleDay.SAMPLES.resolve("orders.csv")))) {
            for (CSVRecord row : rows) {
                personal.add(row.get("customer_name"));
                personal.add(row.get("address"));
                // the number as written and its last ten digits, the form a message would print
                personal.add(row.get("phone"));
                personal.add(row.get("phone").replaceAll("\\D", "").replaceAll(".*(\\d{10})$", "$1"));
            }
        }
        List<String> values = personal.stream().map(String::strip).filter(value -> value.length() >= 6).distinct().toList();
        assertThat(values).as("the sample's names, phones and addresses").hasSizeGreaterThan(600);
        assertThat(logs).as("the run's log").contains("ingest COMPLETED", "publish COMPLETED");
        assertThat(values).filteredOn(logs::contains).as("personal data in the log").isEmpty();
    }

    @Test
    void scrapeCountsTheOrdersOfTheRun() {
        assertThat(value("routeplan_orders", Map.of("outcome", "accepted"))).isEqualTo(orders.acceptedCount(DATE));
        assertThat(value("routeplan_orders", Map.of("outcome", "rejected"))).isEqualTo(orders.rejectedCount(DATE)).isEqualTo(4);
        assertThat(value("routeplan_orders", Map.of("outcome", "read")))
                .isEqualTo(orders.acceptedCount(DATE) + orders.rejectedCount(DATE));
    }

    @Test
    void scrapeHasThePlansFiguresByDepot() {
        for (String depot : List.of("D1", "D2", "D3")) {
            assertThat(value("routeplan_plan_km", Map.of("depot", depot, "plan", "optimised"))).isPositive();
            assertThat(value("routeplan_plan_vehicles_used", Map.of("depot", depot))).isPositive();
            assertThat(value("routeplan_solve_seconds_count", Map.of("depot", depot))).isEqualTo(1);
            assertThat(value("routeplan_solve_seconds_sum", Map.of("depot", depot))).isPositive();
            assertThat(value("routeplan_plan_orders_served", Map.of("depot", depot, "plan", "optimised"))).isPositive();
        }
        long routesOfTheDay = jdbc.sql("select count(distinct vehicle_id) from routes where plan_date = ?").param(DATE)
                .query(Long.class).single();
        assertThat(value("routeplan_plan_vehicles_used", Map.of("depot", "all"))).isEqualTo(routesOfTheDay);
        long unassigned = jdbc.sql("select count(*) from unassigned_orders where plan_date = ?").param(DATE)
                .query(Long.class).single();
        // the published plan also counts the orders of routes compliance blocked
        assertThat(value("routeplan_plan_orders_unassigned", Map.of("depot", "all"))).isGreaterThanOrEqualTo(unassigned);
        assertThat(value("routeplan_plan_orders_unassigned_by_reason", Map.of("depot", "all")))
                .isEqualTo(value("routeplan_plan_orders_unassigned", Map.of("depot", "all")));
        assertThat(value("routeplan_plan_efficiency_gain", Map.of("depot", "all"))).isBetween(-1.0, 1.0);
    }

    @Test
    void scrapeCountsComplianceChecksByVerdictAsStored() {
        long stored = jdbc.sql("select count(*) from compliance_checks where plan_date = ?").param(DATE)
                .query(Long.class).single();
        long failed = jdbc.sql("select count(*) from compliance_checks where plan_date = ? and verdict = 'FAIL'")
                .param(DATE).query(Long.class).single();
        long blocked = jdbc.sql("select count(*) from routes where plan_date = ? and status = 'BLOCKED'").param(DATE)
                .query(Long.class).single();

        assertThat(stored).isPositive();
        assertThat(value("routeplan_compliance_checks", Map.of("depot", "all"))).isEqualTo(stored);
        assertThat(value("routeplan_compliance_checks", Map.of("depot", "all", "verdict", "FAIL"))).isEqualTo(failed);
        assertThat(value("routeplan_compliance_routes_blocked", Map.of("depot", "all"))).isEqualTo(blocked);
    }

    @Test
    void scrapeCountsWhatWasPublishedAndDelivered() {
        long revisions = jdbc.sql("select count(*) from plan_revisions where plan_date = ?").param(DATE)
                .query(Long.class).single();
        assertThat(revisions).isEqualTo(4);                            // three depots and the run-wide one
        assertThat(value("routeplan_artifacts_published_total", Map.of("depot", "D1"))).isPositive();
        assertThat(value("routeplan_artifacts_published_total", Map.of("depot", "all"))).isPositive();
        // the mail server is down: the one compliance mail of the run failed
        assertThat(value("routeplan_deliveries_total", Map.of("channel", "MAIL", "state", "FAILED"))).isEqualTo(1);
        assertThat(value("routeplan_run_duration_seconds_count", Map.of("job", "nightlyPlanJob", "status", "COMPLETED")))
                .isEqualTo(1);
    }

    @Test
    void scrapeHasSpringBatchHttpAndJvmMeters() {
        assertThat(value("spring_batch_job_seconds_count", Map.of("spring_batch_job_name", "nightlyPlanJob"))).isEqualTo(1);
        assertThat(value("spring_batch_step_seconds_count", Map.of("spring_batch_step_name", "optimise"))).isEqualTo(1);
        assertThat(value("http_server_requests_seconds_count", Map.of("method", "GET", "status", "200"))).isPositive();
        assertThat(value("jvm_memory_used_bytes", Map.of())).isPositive();
    }

    @Test
    void everyLineOfTheRunSaysWhichRunDateStepAndDepot() {
        List<JsonNode> lines = jsonLines(runLog);
        List<JsonNode> ofTheRun = lines.stream().filter(line -> text(line, "log", "logger").startsWith("dev.routeplan.batch"))
                .toList();

        assertThat(ofTheRun).hasSizeGreaterThan(5);
        assertThat(ofTheRun).allSatisfy(line -> {
            assertThat(text(line, "jobExecutionId")).isEqualTo(Long.toString(run.getId()));
            assertThat(text(line, "planDate")).isEqualTo(DATE.toString());
            assertThat(text(line, "step")).isNotEmpty();
        });
        // a depot's partition logs on a partition thread, with its depot
        assertThat(ofTheRun).anySatisfy(line -> {
            assertThat(text(line, "process", "thread", "name")).startsWith("partition-");
            assertThat(text(line, "step")).startsWith("optimiseDepot:");
            assertThat(text(line, "depot")).isIn("D1", "D2", "D3");
        });
    }

    @Test
    void anApiCallLogsItsRequestIdAndSubject() {
        assertThat(jsonLines(apiLog)).anySatisfy(line -> {
            assertThat(text(line, "message")).startsWith("GET /actuator/prometheus 200");
            assertThat(text(line, "requestId")).isEqualTo("scrape-42");
            assertThat(text(line, "subject")).isEqualTo("prometheus-scraper");
        });
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}. */
    private double value(String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> have = new java.util.HashMap<>();
            Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
            while (label.find()) {
                have.put(label.group(1), label.group(2));
            }
            if (have.entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(4));
                found = true;
            }
        }
        assertThat(found).as("a sample of %s with %s in the scrape", name, labels).isTrue();
        return sum;
    }

    private List<JsonNode> jsonLines(String output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    /** A field of an ECS line, nested ({@code log.logger} as "log", "logger") or dotted. */
    private static String text(JsonNode line, String... path) {
        JsonNode node = line;
        for (String key : path) {
            node = node == null ? null : node.get(key);
        }
        if (node == null) {
            node = line.get(String.join(".", path));
        }
        return node == null || node.isNull() ? "" : node.asString();
    }

    private static String capturingStandardOutput(ThrowingRunnable work) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream tee = new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            work.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
