package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.RouteplanApplication;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Live progress of a real run, read as a browser would: server-sent events over HTTP from a running server. */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:routeplan-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "routeplan.security.signing-key=target/test-keys/${random.uuid}.json",
        "logging.level.dev.routeplan=WARN"
})
@Import(TestTokens.class)
// its background runs must not outlive the test on a cached context (they ran on into later tests' databases)
@org.springframework.test.annotation.DirtiesContext
class RunEventsTests {

    static final Path FOLDER = SampleServiceFolders.withSamples("routeplan-run-events");

    @DynamicPropertySource
    static void serviceFolders(DynamicPropertyRegistry registry) {
        SampleServiceFolders.registerForRealServer(registry, FOLDER);
    }

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;
    @Autowired
    JsonMapper json;

    record Event(String name, JsonNode data) {
    }

    @Test
    void streamsTheStepChangesOfARealRunUntilItEnds() throws Exception {
        // given a run started through the API
        HttpClient http = HttpClient.newHttpClient();
        String token = tokens.token(Role.OPS);
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/runs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"planDate\":\"2026-12-01\",\"grapStage\":0,\"solverSeconds\":2}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        long id = json.readTree(started.body()).get("id").asLong();

        // when a planner follows it
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/runs/" + id + "/events"))
                .header("Authorization", "Bearer " + tokens.token(Role.PLANNER)).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(3)).GET().build(), HttpResponse.BodyHandlers.ofLines());
        List<Event> events = read(stream.body());

        // then
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(events.get(events.size() - 1).name()).isEqualTo("end");
        assertThat(events.get(events.size() - 1).data().get("status").asString()).isEqualTo("COMPLETED");
        List<Event> steps = events.stream().filter(e -> e.name().equals("step")).toList();
        assertThat(steps.stream().filter(e -> e.data().get("partitionOf").isNull()).map(e -> e.data().get("name").asString())
                .distinct()).containsExactly("fetch", "fleet", "ingest", "optimise", "verify", "publish", "deliver");
        assertThat(statuses(steps, "optimise")).as("optimise seen running, then done").containsSubsequence("STARTED", "COMPLETED");
        assertThat(steps.stream().filter(e -> "optimise".equals(e.data().get("partitionOf").asString()))
                .map(e -> e.data().get("name").asString()).distinct())
                .containsExactlyInAnyOrder("optimiseDepot:depot-D1", "optimiseDepot:depot-D2", "optimiseDepot:depot-D3");
        assertThat(steps.stream().filter(e -> e.data().get("name").asString().startsWith("ingestFile"))
                .mapToLong(e -> e.data().get("writeCount").asLong()).max().orElse(0)).as("ingest counts").isPositive();
        assertThat(events.stream().filter(e -> e.name().equals("run")).map(e -> e.data().get("status").asString()))
                .endsWith("COMPLETED");
    }

    private static List<String> statuses(List<Event> steps, String name) {
        return steps.stream().filter(e -> e.data().get("name").asString().equals(name))
                .map(e -> e.data().get("status").asString()).toList();
    }

    /** Reads {@code event:} and {@code data:} lines until the stream closes. */
    private List<Event> read(Stream<String> lines) {
        List<Event> events = new ArrayList<>();
        String name = null;
        StringBuilder data = new StringBuilder();
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
            String line = it.next();
            if (line.startsWith("event:")) {
                name = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()));
            } else if (line.isEmpty() && name != null) {
                events.add(new Event(name, json.readTree(data.toString())));
                name = null;
                data.setLength(0);
            }
        }
        return events;
    }
}
