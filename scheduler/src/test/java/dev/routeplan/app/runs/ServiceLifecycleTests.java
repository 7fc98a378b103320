package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.routeplan.app.RouteplanApplication;
import dev.routeplan.batch.job.PlanRunParameters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What happens across the life of a node: it is closed (SIGTERM) while a run goes on, and it
 * starts after a node died. Each test starts and closes the application itself, on one
 * in-memory database that outlives each application.
 */
class ServiceLifecycleTests {

    private final String database = "jdbc:h2:mem:routeplan-lifecycle-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @TempDir
    Path folder;

    @Test
    void closingTheServiceStopsARunningJobRestartably() throws Exception {
        // given a run in its optimise step
        SampleDay.copySamplesInto(folder.resolve("input"));
        LocalDate date = LocalDate.of(2026, 12, 1);
        long id;
        ConfigurableApplicationContext service = application();
        JobRepository repository = service.getBean(JobRepository.class);
        JobExecution started = service.getBean(PlanRuns.class).run(date, folder.resolve("input"), folder.resolve("out"), 0, 3,
                List.of(), PlanRuns.Launch.BACKGROUND);
        id = started.getId();
        await().atMost(Duration.ofMinutes(2)).until(() -> repository.getJobExecution(id).getStepExecutions().stream()
                .anyMatch(s -> s.getStepName().equals("optimise") && s.getStatus() == BatchStatus.STARTED));

        // when the service is told to close
        service.close();

        // then the run ended STOPPED, gave its date back, and restarts to the end on the next start
        try (ConfigurableApplicationContext next = application()) {
            JobExecution stopped = next.getBean(JobRepository.class).getJobExecution(id);
            assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
            assertThat(stopped.getStepExecutions().stream().map(StepExecution::getStepName))
                    .as("the optimise partitions finished their work").contains("optimiseDepot:depot-D1")
                    .doesNotContain("publish", "deliver");
            assertThat(next.getBean(JdbcClient.class).sql("select count(*) from run_leases").query(Long.class).single()).isZero();
            JobExecution restarted = next.getBean(PlanRuns.class).restart(date);
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(restarted.getStepExecutions().stream().map(StepExecution::getStepName)).contains("publish", "deliver")
                    .doesNotContain("fetch", "ingest");
        }
    }

    @Test
    void recoversAtStartUpTheRunsOfDeadNodesAndNotThoseOfLiveOnes() throws Exception {
        // given two runs left STARTED: one whose node stopped beating five minutes ago, one whose node beat just now
        long dead;
        long alive;
        try (ConfigurableApplicationContext before = application()) {
            JobRepository repository = before.getBean(JobRepository.class);
            JdbcClient jdbc = before.getBean(JdbcClient.class);
            dead = startedExecution(repository, LocalDate.of(2026, 12, 5));
            alive = startedExecution(repository, LocalDate.of(2026, 12, 6));
            jdbc.sql("insert into run_leases values (?, ?, '1234@node-a', current_timestamp, ?)")
                    .params(LocalDate.of(2026, 12, 5), dead, LocalDateTime.now().minusMinutes(5)).update();
            jdbc.sql("insert into run_leases values (?, ?, '5678@node-b', current_timestamp, current_timestamp)")
                    .params(LocalDate.of(2026, 12, 6), alive).update();
        }

        // when a node starts
        try (ConfigurableApplicationContext started = application()) {
            // then
            JobRepository repository = started.getBean(JobRepository.class);
            assertThat(repository.getJobExecution(dead).getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(repository.getJobExecution(alive).getStatus()).isEqualTo(BatchStatus.STARTED);
            assertThat(started.getBean(JdbcClient.class).sql("select subject || ' ' || target || ' ' || outcome from audit_log "
                    + "where action = 'RUN_RECOVER'").query(String.class).list()).containsExactly("system run " + dead + " SUCCEEDED");
        }
    }

    private ConfigurableApplicationContext application() {
        return new SpringApplicationBuilder(RouteplanApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + database, "--routeplan.rule-pack=../config/rules/delhi.yaml",
                        "--logging.level.dev.routeplan=WARN", "--routeplan.runs.shutdown-wait=50s");
    }

    private long startedExecution(JobRepository repository, LocalDate date) {
        PlanRunParameters parameters = new PlanRunParameters(date, 1, folder.resolve("input"), folder.resolve("out"), 0, 1);
        JobInstance instance = repository.createJobInstance("nightlyPlanJob", parameters.toJobParameters());
        JobExecution execution = repository.createJobExecution(instance, parameters.toJobParameters(), new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(LocalDateTime.now());
        repository.update(execution);
        return execution.getId();
    }
}
