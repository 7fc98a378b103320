package dev.routeplan.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import dev.routeplan.batch.job.PlanRunParameters;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The weekly purge removes audit rows past 2,555 days and job runs that ended more than 365 days ago, nothing newer. */
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
