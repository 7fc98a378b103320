package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The day's files arrive on an SFTP server (embedded Apache MINA SSHD on loopback, host key checked). */
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
}
