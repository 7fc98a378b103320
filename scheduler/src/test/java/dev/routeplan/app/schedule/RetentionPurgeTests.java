package dev.routeplan.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.plans.SampleDays;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.PlanDatePurge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The weekly purge removes audit rows past 2,555 days, job runs that ended more than 365 days ago and
 * plan dates more than 365 days back with their files, nothing newer.
 */
@ServiceTest
class RetentionPurgeTests {

    @Autowired
    RetentionPurge purge;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JobRepository jobRepository;

    @Test
    void removesOnlyWhatIsPastItsRetention() {
        // given
        // now, not a made-up instant: the audit log refuses a cutoff younger than its retention from the real clock
        Instant now = Instant.now();
        auditRow("purge-test old", now.minus(Duration.ofDays(2556)));
        auditRow("purge-test kept", now.minus(Duration.ofDays(2554)));
        long oldRun = run(LocalDate.of(2025, 11, 1), now.minus(Duration.ofDays(400)));
        long recentRun = run(LocalDate.of(2026, 11, 1), now.minus(Duration.ofDays(30)));

        // when
        purge.purge(now);

        // then
        assertThat(jdbc.sql("select target from audit_log where target like 'purge-test%'").query(String.class).list())
                .containsExactly("purge-test kept");
        assertThat(jobRepository.getJobInstance(oldRun)).isNull();
        assertThat(jobRepository.getJobInstance(recentRun)).isNotNull();
    }

    @Test
    void removesAPlanDateOlderThanAYearWithItsRowsAndFilesAndAuditsItButKeepsANewerOne(@Autowired PlanRuns runs)
            throws Exception {
        // given: the sample day published for a date 400 days back and for one 30 days back
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Kolkata"));
        LocalDate old = today.minusDays(400);
        LocalDate recent = today.minusDays(30);
        Path folder = Files.createTempDirectory("routeplan-retention");
        try {
            Path oldOutput = SampleDays.publish(runs, old, folder.resolve("old"));
            Path recentOutput = SampleDays.publish(runs, recent, folder.resolve("recent"));
            List<String> oldFiles = jdbc.sql("select path from artifacts where plan_date = ?").param(old).query(String.class).list();
            assertThat(oldFiles).isNotEmpty().allSatisfy(f -> assertThat(Path.of(f)).exists());
            long ordersBefore = rows("orders", old);
            assertThat(ordersBefore).isPositive();
            long filesBefore;
            try (Stream<Path> inside = Files.walk(oldOutput)) {
                filesBefore = inside.filter(Files::isRegularFile).count();
            }
            long recentRows = PlanDatePurge.TABLES.stream().mapToLong(t -> rows(t, recent)).sum();

            // when
            purge.purge(now);

            // then
            assertThat(PlanDatePurge.TABLES).as("rows of %s left", old).allSatisfy(t -> assertThat(rows(t, old)).as(t).isZero());
            assertThat(oldFiles).allSatisfy(f -> assertThat(Path.of(f)).doesNotExist());
            assertThat(oldOutput).as("the date's output folder, staging included").doesNotExist();
            assertThat(rows("verification_audit", old)).as("who verified the old date, kept for the audit retention").isPositive();
            assertThat(PlanDatePurge.TABLES.stream().mapToLong(t -> rows(t, recent)).sum()).isEqualTo(recentRows);
            assertThat(recentOutput).isDirectory();
            assertThat(jdbc.sql("select detail from audit_log where action = 'PURGE' and target = ?").param("plan-date " + old)
                    .query(String.class).list()).singleElement().asString()
                    .contains("orders=" + ordersBefore).endsWith(", " + filesBefore + " files");
        } finally {
            SampleDays.delete(folder);
        }
    }

    @Test
    void purgesEveryTableKeyedByPlanDateButTheAuditRecord() {
        List<String> keyed = jdbc.sql("select lower(table_name) from information_schema.columns where lower(column_name) = 'plan_date' "
                        + "and lower(table_schema) = lower(current_schema())").query(String.class).list();
        assertThat(keyed).as("tables with a plan_date column: each is purged, or kept on purpose")
                .containsExactlyInAnyOrderElementsOf(Stream.concat(PlanDatePurge.TABLES.stream(),
                        PlanDatePurge.KEPT.stream()).toList());
    }

    private long rows(String table, LocalDate date) {
        return jdbc.sql("select count(*) from " + table + " where plan_date = ?").param(date).query(Long.class).single();
    }

    private void auditRow(String target, Instant at) {
        jdbc.sql("insert into audit_log (at, subject, roles, action, target, client, outcome) values (?, 'system', '', 'RUN_START', ?, 'local', 'SUCCEEDED')")
                .params(Timestamp.from(at), target).update();
    }

    private long run(LocalDate planDate, Instant ended) {
        JobParameters parameters = new PlanRunParameters(planDate, 1, Path.of("in"), Path.of("out"), null, 1).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(NightlyPlanJobConfiguration.JOB_NAME, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        LocalDateTime end = LocalDateTime.ofInstant(ended, ZoneId.systemDefault());
        execution.setStartTime(end.minusHours(1));
        execution.setEndTime(end);
        execution.setStatus(BatchStatus.COMPLETED);
        jobRepository.update(execution);
        return instance.getId();
    }
}
