package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The day's files arrive on an SFTP server (embedded Apache MINA SSHD on loopback, host key checked),
 * and when that server is down the run stops at fetch saying so, and its restart takes the files in.
 */
@PlanJobTest
class SftpInboxJobTests {

    static final LocalDate DATE = LocalDate.of(2026, 12, 22);
    static final EmbeddedSftpServer SERVER = EmbeddedSftpServer.start("routeplan");

    @DynamicPropertySource
    static void sftp(DynamicPropertyRegistry registry) throws Exception {
        SERVER.connect(registry, "routeplan.sftp");
        registry.add("routeplan.sftp.initial-backoff", () -> "10ms");
    }

    @AfterAll
    static void stopServer() throws IOException {
        SERVER.stop();
    }

    @Autowired
    PlanRuns runs;
    @Autowired
    PlanDateRuns planDates;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path temp;

    @Test
    void takesInTheDatesFilesFromSftpAndMovesThemToProcessed() throws Exception {
        // given the sample files in the remote inbox of the date, and nothing local
        Path remoteInbox = SampleDay.copySamplesInto(SERVER.root().resolve("inbox").resolve(DATE.toString()));
        Path emptyLocal = Files.createDirectories(temp.resolve("local"));

        // when
        JobExecution execution = runs.ingest(DATE, emptyLocal, temp.resolve("out"));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("select count(*) from orders where plan_date = ?").param(DATE).query(Long.class).single())
                .isEqualTo(300);
        assertThat(jdbc.sql("select source from input_files where plan_date = ? and kind = 'ORDERS'").param(DATE)
                .query(String.class).single()).isEqualTo("SFTP");
        // every file taken in moves, the fleet and depot files as well as the orders
        assertThat(SERVER.root().resolve("processed").resolve(DATE.toString()))
                .isDirectoryContaining(p -> p.endsWith("orders.csv"))
                .isDirectoryContaining(p -> p.endsWith("fleet.csv"))
                .isDirectoryContaining(p -> p.endsWith("depots.csv"));
        assertThat(remoteInbox).isEmptyDirectory();
    }

    @Test
    void aRunWithTheInboxDownFailsAtFetchNamingTheServerAndItsRestartTakesTheFilesInOnceItIsBack() throws Exception {
        // given the date's files wait in the remote inbox, and the server is down
        LocalDate date = LocalDate.of(2026, 12, 23);
        Path remoteInbox = SampleDay.copySamplesInto(SERVER.root().resolve("inbox").resolve(date.toString()));
        Path emptyLocal = Files.createDirectories(temp.resolve("local"));
        double failedFetches = failedFetches();
        double failedRuns = failedRuns();
        int port = SERVER.port();
        SERVER.stop();
        RunResult failed;
        try {
            // when
            failed = planDates.run(date, emptyLocal, temp.resolve("out"), 0, 1);
        } finally {
            SERVER.startAgain();
        }

        // then the run stops at fetch with the server, the folder and the cause, after retrying
        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.failure().step()).isEqualTo("fetch");
        assertThat(failed.failure().reason())
                .isEqualTo("SFTP 127.0.0.1:" + port + " folder /inbox/" + date + ": Connection refused (after 4 attempts)");
        // the failed step and the failed run are counted (spring_batch_step_seconds_count, routeplan_run_duration_seconds_count)
        assertThat(failedFetches()).isEqualTo(failedFetches + 1);
        assertThat(failedRuns()).isEqualTo(failedRuns + 1);
        assertThat(inputFiles(date)).isEmpty();

        // when the server is back and the operator restarts the run
        RunResult restarted = planDates.restart(date, false);

        // then it completes, each file taken in once and moved aside, and the plans published
        assertThat(restarted.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.attempt()).isEqualTo(failed.attempt());
        assertThat(inputFiles(date)).containsExactly("depots.csv SFTP", "fleet.csv SFTP", "orders.csv SFTP");
        assertThat(jdbc.sql("select count(*) from orders where plan_date = ?").param(date).query(Long.class).single())
                .isEqualTo(300);
        assertThat(remoteInbox).isEmptyDirectory();
        assertThat(restarted.planned().outputs()).contains("routes.csv", "D1/plan-D1.xlsx", "D3/plan-D3.xlsx");
        assertThat(failedFetches()).isEqualTo(failedFetches + 1);
    }

    private double failedFetches() {
        return MeterCounts.count(meters, "spring.batch.step", "spring.batch.step.name", "fetch",
                "spring.batch.step.status", "FAILED");
    }

    private double failedRuns() {
        return MeterCounts.count(meters, "routeplan.run.duration", "job", "nightlyPlanJob", "status", "FAILED");
    }

    private List<String> inputFiles(LocalDate date) {
        return jdbc.sql("select file_name, source from input_files where plan_date = ? order by file_name").param(date)
                .query((row, i) -> row.getString(1) + " " + row.getString(2)).list();
    }
}
