package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.routeplan.app.RouteplanApplication;
import dev.routeplan.app.runs.SampleServiceFolders;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.SecurityProperties;
import dev.routeplan.app.security.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code routeplan run --attach} against a real service on a random port (H2 in memory, the sample
 * files in its input folder), as an operator on the service's machine types it.
 */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:routeplan-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "routeplan.security.signing-key=target/test-keys/${random.uuid}.json",
        "logging.level.dev.routeplan=WARN"
})
@Import(TestTokens.class)
// its runs must not outlive the class on a cached context
@DirtiesContext
class RunAttachTests {

    static final Path FOLDER = SampleServiceFolders.withSamples("routeplan-run-attach");

    @DynamicPropertySource
    static void serviceFolders(DynamicPropertyRegistry registry) {
        SampleServiceFolders.registerForRealServer(registry, FOLDER);
    }

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;
    @Autowired
    SecurityProperties security;
    @Autowired
    JsonMapper json;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsTheDateOnTheServiceWithATokenMintedLikeRouteplanTokenAndPrintsEachStepUntilItCompletes() {
        // when an operator without ROUTEPLAN_TOKEN attaches (the token minted from the service's signing key)
        int status = cli(Map.of()).execute("run", "--date", "2026-12-03", "--attach", "--service", service(),
                "--grap-stage", "0", "--solver-seconds", "1",
                "--routeplan.security.signing-key=" + security.signingKey().toAbsolutePath());

        // then
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
        List<String> lines = printed.lines().toList();
        assertThat(lines.get(0)).matches("Started run \\d+ of 2026-12-03 \\(attempt 1\\) on " + Pattern.quote(service()));
        assertThat(lines).anyMatch(line -> line.matches("  ingest COMPLETED: [1-9]\\d* read, [1-9]\\d* written, 0 skipped"))
                .anyMatch(line -> line.matches("    optimiseDepot:depot-D2 COMPLETED: \\d+ read, \\d+ written, \\d+ skipped"))
                .anyMatch(line -> line.matches("  deliver COMPLETED: .*"));
        assertThat(lines.stream().filter(line -> line.matches("  \\w+ COMPLETED: .*")).map(line -> line.trim().split(" ")[0]))
                .containsExactly("fetch", "fleet", "ingest", "optimise", "verify", "publish", "deliver");
        assertThat(lines).doesNotHaveDuplicates();
        assertThat(lines.get(lines.size() - 1)).matches("Run \\d+ of 2026-12-03 \\(attempt 1\\) COMPLETED in \\d+\\.\\d s");
        assertThat(FOLDER.resolve("out/2026-12-03/summary.json")).as("published by the service").exists();
    }

    @Test
    void attachesToTheRunOfTheDateAlreadyGoingOnAndSaysSo() throws Exception {
        // given a run of the date started through the API and still going
        long id = startThroughTheApi("2026-12-04", 4);
        awaitStatus(id, "STARTED");

        // when the operator starts the same date with a token of their own
        int status = cli(Map.of("ROUTEPLAN_TOKEN", tokens.token(Role.OPS))).execute("run", "--date", "2026-12-04", "--attach",
                "--service", service());

        // then it followed that run to its end, and started none
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(printed).startsWith("2026-12-04 is already running on " + service() + " as run " + id
                        + " (attempt 1); attaching to it")
                .contains("  publish COMPLETED: ")
                .containsPattern("Run " + id + " of 2026-12-04 \\(attempt 1\\) COMPLETED in \\d+\\.\\d s");
        assertThat(json.readTree(get("/api/v1/runs?from=2026-12-04&to=2026-12-04").body()).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void exitsOneSayingWhyWhenTheRunIsStopped() throws Exception {
        // given an attached run in its optimise step
        CompletableFuture<Integer> attached = CompletableFuture.supplyAsync(() -> cli(Map.of("ROUTEPLAN_TOKEN",
                tokens.token(Role.OPS))).execute("run", "--date", "2026-12-06", "--attach", "--service", service(),
                "--solver-seconds", "3"));
        await().atMost(Duration.ofMinutes(2)).until(() -> out.toString(StandardCharsets.UTF_8).contains("  optimise STARTED"));
        Matcher started = Pattern.compile("Started run (\\d+) ").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(started.find()).isTrue();

        // when someone stops it
        HttpResponse<String> stop = post("/api/v1/runs/" + started.group(1) + "/stop", "");
        assertThat(stop.statusCode()).isEqualTo(202);

        // then
        assertThat(attached.get()).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("Run " + started.group(1) + " of 2026-12-06 \\(attempt 1\\) STOPPED");
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("routeplan: run " + started.group(1) + " of 2026-12-06 (attempt 1) STOPPED")
                .endsWith("; restart it on the service: POST " + service() + "/api/v1/runs/" + started.group(1) + "/restart");
    }

    @Test
    void refusesInOneLineATokenTheServiceDoesNotAccept() {
        int status = cli(Map.of("ROUTEPLAN_TOKEN", "not-a-token")).execute("run", "--date", "2026-12-07", "--attach",
                "--service", service());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("routeplan: the service at " + service()
                + " refused to start the run: 401, it did not accept the token in ROUTEPLAN_TOKEN"
                + " (expired, or not of this service's issuer?)" + System.lineSeparator());
    }

    @Test
    void refusesInOneLineATokenWithoutOps() throws Exception {
        int status = cli(Map.of("ROUTEPLAN_TOKEN", tokens.token(Role.PLANNER))).execute("run", "--date", "2026-12-07",
                "--attach", "--service", service());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("routeplan: the service at " + service()
                + " refused to start the run: 403, the token's roles do not allow it (starting and following a run needs OPS)"
                + System.lineSeparator());
        assertThat(json.readTree(get("/api/v1/runs?from=2026-12-07&to=2026-12-07").body()).get("total").asLong()).isZero();
    }

    private RouteplanCommandLine cli(Map<String, String> environment) {
        return new RouteplanCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
    }

    private String service() {
        return "http://127.0.0.1:" + port;
    }

    private long startThroughTheApi(String date, int solverSeconds) throws Exception {
        HttpResponse<String> started = post("/api/v1/runs", "{\"planDate\":\"" + date + "\",\"solverSeconds\":" + solverSeconds + "}");
        assertThat(started.statusCode()).isEqualTo(202);
        return json.readTree(started.body()).get("id").asLong();
    }

    private void awaitStatus(long id, String status) {
        await().atMost(Duration.ofMinutes(1)).until(() -> status.equals(json.readTree(get("/api/v1/runs/" + id).body())
                .get("status").asString()));
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service() + path))
                .header("Authorization", "Bearer " + tokens.token(Role.OPS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service() + path))
                .header("Authorization", "Bearer " + tokens.token(Role.OPS)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
