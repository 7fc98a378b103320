package dev.routeplan.app.runs;

import dev.routeplan.app.PostgresSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-run-per-date rule on the real PostgreSQL of this machine, in a schema of its own that
 * Flyway creates and the test drops afterwards: the database decides which start wins.
 */
@ServiceTest
@ActiveProfiles("postgres")
// its background runs must not outlive the test on a cached context (they ran on into later tests' databases)
@org.springframework.test.annotation.DirtiesContext
class RunsOnPostgresIntegrationTests {

    private static final PostgresSchema SCHEMA = new PostgresSchema();
    private static final Path FOLDER = SampleServiceFolders.withSamples("routeplan-runs-pg");

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
        registry.add("routeplan.redis.enabled", () -> "false");
        SampleServiceFolders.register(registry, FOLDER);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void answersConflictWhenTheDateIsAlreadyRunning() throws Exception {
        // given two operators starting one date at the same moment
        String body = "{\"planDate\":\"2026-12-01\",\"grapStage\":0,\"solverSeconds\":5}";
        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<Callable<MvcResult>> starts = List.of(() -> start(body), () -> start(body));

        // when
        List<Integer> statuses = new ArrayList<>();
        long running = 0;
        for (Future<MvcResult> answer : callers.invokeAll(starts)) {
            MvcResult result = answer.get();
            statuses.add(result.getResponse().getStatus());
            if (result.getResponse().getStatus() == 202) {
                running = json.readTree(result.getResponse().getContentAsString()).get("id").asLong();
            }
        }
        callers.shutdown();

        // then one start wins, and a later one is told which run has the date
        assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        long id = running;
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select job_execution_id from run_leases where plan_date = date '2026-12-01'")
                .query(Long.class).optional().filter(e -> e == id).isPresent());
        mvc.perform(post("/api/v1/runs").with(tokens.as(Role.OPS)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.runningExecutionId").value(id))
                .andExpect(jsonPath("$.running").value("/api/v1/runs/" + id));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'RUN_START' and outcome = 'REFUSED'")
                .query(Long.class).single()).isEqualTo(2);

        // and the running one is stopped, ends STOPPED and gives the date back
        mvc.perform(post("/api/v1/runs/{id}/stop", id).with(tokens.as(Role.OPS))).andExpect(status().isAccepted());
        await().atMost(Duration.ofMinutes(5)).until(() -> runStatus(id).equals("STOPPED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from run_leases").query(Long.class).single() == 0);
    }

    @Test
    void refusesADateALiveNodeOfTheClusterIsRunning() throws Exception {
        // given another node running 2026-12-02, its heartbeat fresh
        jdbc.sql("insert into run_leases values (date '2026-12-02', 991, '4711@node-b', current_timestamp, current_timestamp)")
                .update();

        // when, then
        mvc.perform(post("/api/v1/runs").with(tokens.as(Role.OPS)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"planDate\":\"2026-12-02\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.runningExecutionId").value(991));
        jdbc.sql("update run_leases set heartbeat_at = current_timestamp - interval '5 minutes' where plan_date = date '2026-12-02'")
                .update();
        MvcResult taken = start("{\"planDate\":\"2026-12-02\",\"grapStage\":0,\"solverSeconds\":5}");
        assertThat(taken.getResponse().getStatus()).as("a dead node's lease is taken over").isEqualTo(202);
        long id = json.readTree(taken.getResponse().getContentAsString()).get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select node from run_leases where plan_date = date '2026-12-02'")
                .query(String.class).single().equals(ProcessHandle.current().pid() + "@" + java.net.InetAddress.getLocalHost().getHostName()));
        mvc.perform(post("/api/v1/runs/{id}/stop", id).with(tokens.as(Role.OPS))).andExpect(status().isAccepted());
        await().atMost(Duration.ofMinutes(5)).until(() -> runStatus(id).equals("STOPPED"));
    }

    private MvcResult start(String body) throws Exception {
        return mvc.perform(post("/api/v1/runs").with(tokens.as(Role.OPS)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
    }

    private String runStatus(long id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/runs/{id}", id).with(tokens.as(Role.OPS))).andReturn()
                .getResponse().getContentAsString()).get("status").asString();
    }
}
