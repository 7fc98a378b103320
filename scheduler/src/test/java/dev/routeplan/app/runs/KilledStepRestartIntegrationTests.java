package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job is killed with SIGKILL in a JVM of its own inside fetch (mid-download from the
 * SFTP inbox), fleet, verify and deliver (mid-upload to the SFTP outbox), as a crashed node would
 * be, and {@code restart --recover} finishes it. Each ends as an uninterrupted run of the same
 * input, seed and solver steps ends: the same plan fingerprints (the workbooks and PDFs carry the
 * time they were written, so their bytes cannot be compared), the CSV files byte for byte, every
 * row taken in once, every delivery made once, nothing half-written left on either side.
 *
 * <p>A step is caught in the act by holding what it waits for: an SFTP transfer stalled by the
 * server after its first chunk, or a table the step writes locked by the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledStepRestartIntegrationTests {

    static final String DATE = "2026-12-21";
    private static final int SOLVER_STEPS = 400;
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    private final StalledTransfer stall = new StalledTransfer();
    private final EmbeddedSftpServer sftp = EmbeddedSftpServer.start("routeplan", stall);
    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final List<Night> nights = new ArrayList<>();
    private Night uninterrupted;

    @TempDir
    static Path temp;

    @BeforeAll
    void runTheNightOnceWithoutAnInterruption() throws Exception {
        mail.start();
        SampleDay.copySamplesInto(sftp.root().resolve("inbox").resolve(DATE));
        uninterrupted = night("uninterrupted");
        Process run = uninterrupted.start("run.log", uninterrupted.runArguments());
        uninterrupted.awaitSuccess(run, "run.log");
    }

    @AfterAll
    void stopServersAndDropSchemas() throws Exception {
        stall.release();
        for (Night night : nights) {
            night.routeplan.dropSchema();
        }
        sftp.stop();
        mail.stop();
    }

    @Test
    void aRunKilledMidDownloadFromTheInboxFetchesTheFileOnceOnRestart() throws Exception {
        Night night = night("fetch");
        night.killWhileTransferStalls(StalledTransfer.Direction.READ, path -> path.endsWith("orders.csv"));

        assertThat(night.stagedFiles().values()).as("staged at the kill: only whole files, each registered")
                .containsExactlyInAnyOrderElementsOf(night.registeredInputs().values());
        assertThat(night.registeredInputs()).doesNotContainKey("orders.csv");

        night.restart();
        night.assertFinishedAsUninterrupted();
    }

    @Test
    void aRunKilledWhileLoadingTheFleetIsFinishedByTheRestart() throws Exception {
        Night night = night("fleet");
        night.killWhileStepWaitsOnTable("fleet", "vehicles");

        night.restart();
        night.assertFinishedAsUninterrupted();
    }

    @Test
    void aRunKilledWhileVerifyingIsFinishedByTheRestart() throws Exception {
        Night night = night("verify");
        night.killWhileStepWaitsOnTable("verify", "compliance_checks");

        night.restart();
        night.assertFinishedAsUninterrupted();
    }

    @Test
    void aRunKilledMidUploadToTheOutboxDeliversEachRevisionOnceOnRestart() throws Exception {
        Night night = night("deliver");
        String uploading = night.killWhileTransferStalls(StalledTransfer.Direction.WRITE,
                path -> path.contains("/outbox-deliver/") && path.endsWith(".writing"));

        assertThat(sftp.root().resolve(uploading.substring(1))).as("half a file on the server, under its temporary name")
                .exists();
        Map<String, String> published = night.published();
        Map<String, String> finalNames = new TreeMap<>(night.outbox());
        finalNames.keySet().removeIf(name -> name.endsWith(".writing"));
        assertThat(finalNames).as("every file under its own name in the outbox at the kill is whole")
                .allSatisfy((name, sha) -> assertThat(sha).as(name).isEqualTo(published.get(name)));

        night.restart();
        night.assertFinishedAsUninterrupted();
    }

    private Night night(String name) throws Exception {
        Night night = new Night(name, temp.resolve(name));
        nights.add(night);
        return night;
    }

    /** One run of the date, in its own schema, output folder, outbox folder and mail recipient. */
    private final class Night {

        private final String name;
        private final Path folder;
        private final ChildRouteplanOnPostgres routeplan;

        Night(String name, Path folder) throws Exception {
            this.name = name;
            this.folder = Files.createDirectories(folder);
            List<String> settings = new ArrayList<>(List.of("--routeplan.redis.enabled=false",
                    "--routeplan.solver.local-search-steps=" + SOLVER_STEPS,
                    "--routeplan.sftp.processed-dir=", "--routeplan.sftp.max-attempts=1",
                    "--routeplan.outbox.remote-dir=/outbox-" + name + "/{date}/{depot}",
                    "--routeplan.outbox.run-remote-dir=/outbox-" + name + "/{date}",
                    "--routeplan.outbox.max-attempts=1",
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
                    "--routeplan.mail.enabled=true", "--routeplan.mail.recipients=" + recipient()));
            settings.addAll(sftp.arguments("routeplan.sftp"));
            settings.addAll(sftp.arguments("routeplan.outbox"));
            this.routeplan = new ChildRouteplanOnPostgres("routeplan_kill_" + name + "_", settings.toArray(String[]::new));
        }

        String[] runArguments() throws IOException {
            return new String[] {"run", "--date", DATE, "--input", Files.createDirectories(folder.resolve("in")).toString(),
                    "--output", day().getParent().toString(), "--grap-stage", "0", "--solver-seconds", "30"};
        }

        Process start(String log, String... args) throws Exception {
            return routeplan.start(Redirect.to(folder.resolve(log).toFile()), args);
        }

        void awaitSuccess(Process process, String log) throws Exception {
            assertThat(process.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(name + " " + log + " ended").isTrue();
            assertThat(process.exitValue()).as(Files.readString(folder.resolve(log))).isZero();
        }

        void restart() throws Exception {
            awaitSuccess(start("restart.log", "restart", "--date", DATE, "--recover"), "restart.log");
        }

        /** Starts the run and kills it once the SFTP server holds a transfer the predicate picks; returns the file's path there. */
        String killWhileTransferStalls(StalledTransfer.Direction direction, Predicate<String> path) throws Exception {
            stall.arm(direction, path);
            Process run = start("run.log", runArguments());
            String stalled = stall.awaitStalled(STEP_TIMEOUT);
            run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            stall.release();
            return stalled;
        }

        /**
         * Migrates the schema, locks {@code table}, starts the run and kills it once a step whose
         * name starts with {@code step} is running and waiting for the lock.
         */
        void killWhileStepWaitsOnTable(String step, String table) throws Exception {
            awaitSuccess(start("migrate.log", "migrate"), "migrate.log");
            try (Connection lock = routeplan.connection()) {
                lock.setAutoCommit(false);
                lock.createStatement().execute("lock table " + table + " in access exclusive mode");
                Process run = start("run.log", runArguments());
                awaitWaitingOn(run, step, table, lock);
                run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                // the server ends a dead client's session when it next looks at its socket; a
                // session blocked on the lock would look only after it, and then still write
                try (Statement sql = lock.createStatement()) {
                    sql.execute("select pg_terminate_backend(pid) from pg_locks where not granted and relation = '"
                            + table + "'::regclass");
                }
                lock.rollback();
            }
        }

        private void awaitWaitingOn(Process run, String step, String table, Connection lock) throws Exception {
            long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!run.isAlive()) {
                    throw new AssertionError("the run ended before " + step + " waited; exit " + run.exitValue() + "\n"
                            + Files.readString(folder.resolve("run.log")));
                }
                if (waiting(lock, table) > 0) {
                    assertThat(runningSteps()).as("the steps running while the lock holds").isNotEmpty()
                            .allMatch(running -> running.startsWith(step));
                    return;
                }
                Thread.sleep(20);
            }
            throw new AssertionError(step + " did not wait on " + table + " within " + STEP_TIMEOUT);
        }

        private static long waiting(Connection lock, String table) throws Exception {
            try (ResultSet rs = lock.createStatement().executeQuery(
                    "select count(*) from pg_locks where not granted and relation = '" + table + "'::regclass")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private List<String> runningSteps() throws Exception {
            return strings("select step_name from batch_step_execution where status = 'STARTED'");
        }

        void assertFinishedAsUninterrupted() throws Exception {
            assertThat(revisions()).as("each depot's plan and the run-wide files: one revision, the uninterrupted run's")
                    .isEqualTo(uninterrupted.revisions());
            Map<String, String> published = published();
            assertThat(published.keySet()).isEqualTo(uninterrupted.published().keySet());
            assertThat(published).as("the CSV files, which carry no time, byte for byte")
                    .containsAllEntriesOf(csvFiles(uninterrupted.published()));
            assertThat(RunFolderFiles.leftOvers(day())).as("hidden folders and temporary files left").isEmpty();

            assertThat(count("select count(*) from input_files")).isEqualTo(uninterrupted.count("select count(*) from input_files"));
            assertThat(count("select count(distinct sha256) from input_files")).as("no file taken in twice")
                    .isEqualTo(count("select count(*) from input_files"));
            assertThat(count("select count(*) from orders")).as("orders").isEqualTo(uninterrupted.count("select count(*) from orders"))
                    .isEqualTo(count("select count(distinct order_id) from orders"));
            assertThat(count("select count(*) from order_rejects"))
                    .isEqualTo(uninterrupted.count("select count(*) from order_rejects"));

            assertThat(strings("select depot_id || ' r' || revision || ' ' || channel || ' ' || status from deliveries"
                    + " order by depot_id, channel")).as("each revision delivered on each channel")
                    .isEqualTo(List.of("* r1 MAIL SENT", "* r1 SFTP SENT", "D1 r1 SFTP SENT", "D2 r1 SFTP SENT", "D3 r1 SFTP SENT"));
            assertThat(outbox()).as("the outbox holds the published files, whole, under their own names")
                    .isEqualTo(published);
            assertThat(mail.getReceivedMessagesForDomain(mailDomain())).as("the compliance report mailed once").hasSize(1);
        }

        private String recipient() {
            return "officer@" + mailDomain();
        }

        private String mailDomain() {
            return name + ".example.test";
        }

        Path day() {
            return folder.resolve("out").resolve(DATE);
        }

        /** The files a planner lists in the day's folder (not hidden, not staged input), with their SHA-256. */
        Map<String, String> published() throws IOException {
            return RunFolderFiles.visible(day(), relative -> !relative.startsWith("staging/") && !relative.startsWith("sftp/")
                    && !relative.startsWith("rejects/"));
        }

        Map<String, String> stagedFiles() throws IOException {
            return RunFolderFiles.visible(day().resolve("staging"), relative -> true);
        }

        /** The outbox's files, without the folder of the date; temporary ones included, to be seen. */
        Map<String, String> outbox() throws IOException {
            Path outbox = sftp.root().resolve("outbox-" + name).resolve(DATE);
            return Files.isDirectory(outbox) ? RunFolderFiles.visible(outbox, relative -> true) : Map.of();
        }

        Map<String, String> registeredInputs() throws Exception {
            Map<String, String> files = new TreeMap<>();
            try (Connection c = routeplan.connection(); ResultSet rs = c.createStatement().executeQuery(
                    "select file_name, sha256 from input_files")) {
                while (rs.next()) {
                    files.put(rs.getString(1), rs.getString(2));
                }
            }
            return files;
        }

        List<String> revisions() throws Exception {
            return strings("select depot_id || ' r' || revision || ' ' || fingerprint from plan_revisions order by depot_id");
        }


        long count(String sql) throws Exception {
            return routeplan.count(sql);
        }

        private List<String> strings(String sql) throws Exception {
            List<String> values = new ArrayList<>();
            try (Connection c = routeplan.connection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static Map<String, String> csvFiles(Map<String, String> files) {
        Map<String, String> csv = new TreeMap<>(files);
        csv.keySet().removeIf(name -> !name.endsWith(".csv"));
        return csv;
    }
}
