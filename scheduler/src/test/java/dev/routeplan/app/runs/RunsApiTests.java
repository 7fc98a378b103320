package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.PlanStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runs API on the service, with real runs of the sample day in the background: the
 * service's input folder holds the sample files.
 */
@ServiceTest
class RunsApiTests {

    static final Path FOLDER = temporaryFolder();

    @DynamicPropertySource
    static void serviceFolders(DynamicPropertyRegistry registry) {
        SampleServiceFolders.register(registry, FOLDER);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    JobRepository jobRepository;
    // a real store whose first write fails when a test says so, as a database outage would
    @MockitoSpyBean
    PlanStore planStore;

    @Test
    void listsAndShowsARealSampleDayRunWithItsStepsAndPartitions() throws Exception {
        // given
        LocalDate date = LocalDate.of(2026, 12, 1);

        // when
        MvcResult started = mvc.perform(post("/api/v1/runs").with(tokens.as(Role.OPS)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"planDate\":\"2026-12-01\",\"grapStage\":0,\"solverSeconds\":1}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.planDate").value("2026-12-01"))
                .andExpect(jsonPath("$.attempt").value(1))
                .andReturn();
        long id = json.readTree(started.getResponse().getContentAsString()).get("id").asLong();
        assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/v1/runs/" + id);
        JsonNode run = awaitEnd(id);

        // then
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("planDate").asString()).isEqualTo("2026-12-01");
        assertThat(run.get("start").asString()).isNotBlank();
        assertThat(run.get("duration").asString()).startsWith("PT");
        assertThat(run.get("steps").valueStream().map(s -> s.get("name").asString()).toList())
                .containsExactly("fetch", "fleet", "ingest", "optimise", "verify", "publish", "deliver");
        JsonNode optimise = step(run, "optimise");
        assertThat(optimise.get("partitions").valueStream().map(p -> p.get("name").asString()).toList())
                .containsExactlyInAnyOrder("optimiseDepot:depot-D1", "optimiseDepot:depot-D2", "optimiseDepot:depot-D3");
        assertThat(optimise.get("partitions").valueStream().map(p -> p.get("status").asString())).containsOnly("COMPLETED");
        JsonNode ingest = step(run, "ingest");
        assertThat(ingest.get("partitions").valueStream().mapToLong(p -> p.get("readCount").asLong()).sum())
                .as("rows read by the ingest partitions").isPositive();
        assertThat(ingest.get("partitions").valueStream().mapToLong(p -> p.get("writeCount").asLong()).sum())
                .as("orders written by the ingest partitions").isPositive();
        mvc.perform(get("/api/v1/runs").param("from", "2026-12-01").param("to", "2026-12-01").with(tokens.as(Role.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].status").value("COMPLETED"))
                .andExpect(jsonPath("$.items[0].attempt").value(1));
        mvc.perform(get("/api/v1/runs").param("status", "FAILED").param("from", "2026-12-01").param("to", "2026-12-01")
                        .with(tokens.as(Role.OPS)))
                .andExpect(jsonPath("$.total").value(0));
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'RUN_START' and target = 'plan-date 2026-12-01' "
                + "and outcome = 'SUCCEEDED' and detail like ?").param("run " + id + ":%").query(Long.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).alias("lease released").until(() -> jdbc.sql(
                "select count(*) from run_leases where plan_date = ?").param(date).query(Long.class).single() == 0);
    }

    @Test
    void plansOnlyTheDepotsAStartNames() throws Exception {
        // when
        long id = startAndAwait("{\"planDate\":\"2026-12-02\",\"grapStage\":0,\"solverSeconds\":1,\"depots\":[\"D2\"]}");

        // then
        JsonNode run = detail(id);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.at("/parameters/depots").valueStream().map(JsonNode::asString).toList()).containsExactly("D2");
        assertThat(step(run, "optimise").get("partitions").valueStream().map(p -> p.get("name").asString()).toList())
                .containsExactly("optimiseDepot:depot-D2");
        assertThat(step(run, "verify").get("partitions").valueStream().map(p -> p.get("name").asString()).toList())
                .containsExactly("verifyDepot:depot-D2");
    }

    @Test
    void restartsAFailedRunThroughTheApi() throws Exception {
        // given a run whose first depot write fails
        doThrow(new IllegalStateException("connection reset while writing routes")).doCallRealMethod()
                .when(planStore).replace(any(), any());
        long failed = startAndAwait("{\"planDate\":\"2026-12-03\",\"grapStage\":0,\"solverSeconds\":1}");
        assertThat(detail(failed).get("status").asString()).isEqualTo("FAILED");

        // when
        MvcResult restarted = mvc.perform(post("/api/v1/runs/{id}/restart", failed).with(tokens.as(Role.OPS)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.restartOf").value(failed))
                .andReturn();
        long id = json.readTree(restarted.getResponse().getContentAsString()).get("id").asLong();

        // then
        JsonNode run = awaitEnd(id);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("attempt").asLong()).as("a restart continues the attempt").isEqualTo(1);
        assertThat(run.get("steps").valueStream().map(s -> s.get("name").asString()).toList())
                .doesNotContain("fetch", "fleet", "ingest").contains("optimise", "publish");
        mvc.perform(post("/api/v1/runs/{id}/restart", id).with(tokens.as(Role.OPS)))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("run " + id + " of 2026-12-03 is COMPLETED; only a FAILED or STOPPED run restarts"));
        mvc.perform(post("/api/v1/runs/{id}/stop", id).with(tokens.as(Role.OPS))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/runs/{id}/abandon", id).with(tokens.as(Role.OPS))).andExpect(status().isConflict());
        assertThat(jdbc.sql("select outcome from audit_log where action = 'RUN_RESTART' order by id").query(String.class).list())
                .containsExactly("SUCCEEDED", "REFUSED");
    }

    @Test
    void recoversADeadRunOnlyOnceItsLeaseIsStale() throws Exception {
        // given a run left STARTED, its date leased by a node that beat a moment ago
        LocalDate date = LocalDate.of(2026, 12, 4);
        long id = startedExecution(date);
        jdbc.sql("insert into run_leases values (?, ?, '4242@elsewhere', current_timestamp, current_timestamp)")
                .params(date, id).update();

        // when, then
        mvc.perform(post("/api/v1/runs/{id}/recover", id).with(tokens.as(Role.OPS)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.runningExecutionId").value(id));
        mvc.perform(post("/api/v1/runs").with(tokens.as(Role.OPS)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"planDate\":\"2026-12-04\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.runningExecutionId").value(id));
        jdbc.sql("update run_leases set heartbeat_at = ? where plan_date = ?")
                .params(OffsetDateTime.now().minus(Duration.ofMinutes(5)), date).update();
        mvc.perform(post("/api/v1/runs/{id}/recover", id).with(tokens.as(Role.OPS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"));
        assertThat(jdbc.sql("select outcome from audit_log where action = 'RUN_RECOVER' and target = ? order by id")
                .param("run " + id).query(String.class).list()).containsExactly("REFUSED", "SUCCEEDED");
        assertThat(jdbc.sql("select count(*) from run_leases where plan_date = ?").param(date).query(Long.class).single())
                .as("the dead node's lease is gone with its run").isZero();
    }

    @Test
    void answersABadRequestNamingTheField() throws Exception {
        assertBadField("{\"planDate\":\"2026-13-01\"}", "planDate");
        assertBadField("{}", "planDate");
        assertBadField("{\"planDate\":\"2026-12-01\",\"grapStage\":7}", "grapStage");
        assertBadField("{\"planDate\":\"2026-12-01\",\"depots\":[\"../etc\"]}", "depots");
        assertBadField("{\"planDate\":\"2026-12-01\",\"solverSeconds\":0}", "solverSeconds");
        assertBadField("{\"planDate\":\"2026-12-01\",\"solverSeconds\":\"soon\"}", "solverSeconds");
        mvc.perform(get("/api/v1/runs").param("status", "RUNNING").with(tokens.as(Role.OPS)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("status"));
        mvc.perform(get("/api/v1/runs").param("size", "5000").with(tokens.as(Role.OPS)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("size"));
        mvc.perform(post("/api/v1/runs/backfill").with(tokens.as(Role.OPS)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2026-12-05\",\"to\":\"2026-12-01\",\"mode\":\"MISSING\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to"));
        mvc.perform(post("/api/v1/runs/backfill").with(tokens.as(Role.OPS)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2026-12-01\",\"to\":\"2026-12-05\",\"mode\":\"SOME\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("mode"));
        mvc.perform(get("/api/v1/runs/{id}", 987654).with(tokens.as(Role.OPS))).andExpect(status().isNotFound());
    }

    @Test
    void refusesHugeNumbersAndDeepNestingAsABadRequestAndStartsNothing() throws Exception {
        String date = "2031-01-01";
        assertBadField("{\"planDate\":\"" + date + "\",\"solverSeconds\":1e400}", "solverSeconds");
        for (String body : new String[] {
                "{\"planDate\":\"" + date + "\",\"grapStage\":99999999999999999999}",
                "{\"planDate\":\"" + date + "\",\"solverSeconds\":" + "9".repeat(5_000) + "}",
                "{\"planDate\":\"" + date + "\",\"depots\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"}) {
            mvc.perform(post("/api/v1/runs").with(tokens.as(Role.OPS)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/v1/runs").param("from", date).param("to", date).with(tokens.as(Role.OPS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void letsPlannersReadRunsButNotStartThem() throws Exception {
        mvc.perform(get("/api/v1/runs").with(tokens.as(Role.PLANNER))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/runs").with(tokens.as(Role.PLANNER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"planDate\":\"2026-12-01\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/runs").with(tokens.as(Role.COMPLIANCE))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/runs")).andExpect(status().isUnauthorized());
    }

    @Test
    void backfillsTheMissingDatesAtMostNAtATime() throws Exception {
        // given 2026-12-20 planned already
        startAndAwait("{\"planDate\":\"2026-12-20\",\"grapStage\":0,\"solverSeconds\":1}");

        // when
        mvc.perform(post("/api/v1/runs/backfill").with(tokens.as(Role.OPS)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2026-12-20\",\"to\":\"2026-12-22\",\"mode\":\"MISSING\",\"maxConcurrent\":1,\"solverSeconds\":1}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.runs[*].planDate").value(org.hamcrest.Matchers.contains("2026-12-21", "2026-12-22")))
                .andExpect(jsonPath("$.runs[*].action").value(org.hamcrest.Matchers.contains("START", "START")));

        // then
        await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.sql("""
                select count(*) from batch_job_execution e join batch_job_execution_params p
                  on p.job_execution_id = e.job_execution_id and p.parameter_name = 'planDate'
                where p.parameter_value in ('2026-12-21', '2026-12-22') and e.status = 'COMPLETED'""")
                .query(Long.class).single() == 2);
        List<String[]> spans = jdbc.sql("""
                        select e.start_time, e.end_time from batch_job_execution e join batch_job_execution_params p
                          on p.job_execution_id = e.job_execution_id and p.parameter_name = 'planDate'
                        where p.parameter_value in ('2026-12-21', '2026-12-22') order by e.start_time""")
                .query((rs, n) -> new String[] {rs.getTimestamp(1).toString(), rs.getTimestamp(2).toString()}).list();
        assertThat(spans.get(1)[0]).as("the second starts after the first ended").isGreaterThanOrEqualTo(spans.get(0)[1]);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'BACKFILL'").query(Long.class).single()).isEqualTo(1);
    }

    private void assertBadField(String body, String field) throws Exception {
        mvc.perform(post("/api/v1/runs").with(tokens.as(Role.OPS)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field));
    }

    private long startAndAwait(String body) throws Exception {
        MvcResult started = mvc.perform(post("/api/v1/runs").with(tokens.as(Role.OPS)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isAccepted()).andExpect(header().exists("Location")).andReturn();
        long id = json.readTree(started.getResponse().getContentAsString()).get("id").asLong();
        awaitEnd(id);
        return id;
    }

    private JsonNode awaitEnd(long id) throws Exception {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> !List.of("STARTING", "STARTED", "STOPPING").contains(detail(id).get("status").asString()));
        return detail(id);
    }

    private JsonNode detail(long id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/runs/{id}", id).with(tokens.as(Role.OPS)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static JsonNode step(JsonNode run, String name) {
        return run.get("steps").valueStream().filter(s -> s.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    /** A run left STARTED, as a process that died leaves it. */
    private long startedExecution(LocalDate date) {
        PlanRunParameters parameters = new PlanRunParameters(date, 1, FOLDER.resolve("input"), FOLDER.resolve("out"), 0, 1);
        JobInstance instance = jobRepository.createJobInstance("nightlyPlanJob", parameters.toJobParameters());
        JobExecution execution = jobRepository.createJobExecution(instance, parameters.toJobParameters(),
                new org.springframework.batch.infrastructure.item.ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(java.time.LocalDateTime.now());
        jobRepository.update(execution);
        return execution.getId();
    }

    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("routeplan-runs-api");
            SampleDay.copySamplesInto(folder.resolve("input"));
            return folder;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
