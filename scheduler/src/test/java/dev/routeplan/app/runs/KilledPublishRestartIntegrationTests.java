package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job is killed with SIGKILL in a separate JVM while it writes a depot's files, as a
 * crashed node would be, then {@code restart --recover} finishes it. No reader ever sees half a
 * file: what is visible beside the published files at the kill is complete and registered. The
 * restart writes the depot it was writing and nothing else: depots published before the kill keep
 * their files byte for byte (the stored plan's fingerprint is theirs), each depot has one revision,
 * no order is taken in twice, nothing half-written is left. On the machine's PostgreSQL, in a
 * schema of its own.
 */
class KilledPublishRestartIntegrationTests {

    static final String DATE = "2026-12-22";

    private final ChildRouteplanOnPostgres routeplan = new ChildRouteplanOnPostgres("routeplan_killpub_",
            "--routeplan.redis.enabled=false");

    @TempDir
    Path temp;

    @AfterEach
    void dropSchema() throws Exception {
        routeplan.dropSchema();
    }

    @Test
    void aRunKilledWhileWritingADepotsFilesIsFinishedByTheRestartWithoutAHalfFileEverShowing() throws Exception {
        Path input = SampleDay.copySamplesInto(temp.resolve("in"));
        Path out = temp.resolve("out");
        Path day = out.resolve(DATE);
        Process first = routeplan("first.log", "run", "--date", DATE, "--input", input.toString(), "--output", out.toString(),
                "--grap-stage", "0", "--solver-seconds", "1");

        Path writing = awaitNextRevision(first, day, Duration.ofMinutes(4));
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Map<String, String> visible = visibleFiles(day);
        assertThat(visible).as("what a reader could see at the kill is whole and registered").isEqualTo(registered(day));
        long rowsTakenIn = count("orders") + count("order_rejects");
        assertThat(rowsTakenIn).as("every row of orders.csv taken in before publishing")
                .isEqualTo(Files.readAllLines(input.resolve("orders.csv")).size() - 1);
        String writingInto = writing.getParent().equals(day) ? "" : day.relativize(writing.getParent()) + "/";
        assertThat(visible.keySet()).as("nothing of the depot being written shows yet").noneMatch(name ->
                name.startsWith(writingInto) && !name.substring(writingInto.length()).contains("/"));

        Process restart = routeplan("restart.log", "restart", "--date", DATE, "--recover");
        assertThat(restart.waitFor(4, TimeUnit.MINUTES)).as("restart ended").isTrue();
        String restartLog = Files.readString(temp.resolve("restart.log"));
        assertThat(restart.exitValue()).as(restartLog).isZero();

        Map<String, String> after = visibleFiles(day);
        assertThat(RunFolderFiles.leftOvers(day)).as("hidden folders and temporary files left").isEmpty();
        assertThat(after).isEqualTo(registered(day));
        assertThat(after).as("files written before the kill stay as they were").containsAllEntriesOf(visible);
        assertThat(after.keySet()).as("the depot being written at the kill, written by the restart").anyMatch(name ->
                name.startsWith(writingInto) && name.endsWith(".pdf") && !name.substring(writingInto.length()).contains("/"));
        assertThat(revisions()).containsExactly("*:1", "D1:1", "D2:1", "D3:1");
        assertThat(count("orders") + count("order_rejects")).as("no order taken in twice").isEqualTo(rowsTakenIn);
    }

    /** Waits until a depot's next revision is being written: its hidden folder holds a file. */
    private Path awaitNextRevision(Process run, Path day, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> writing = nextRevisionBeingWritten(day);
            if (writing.isPresent()) {
                return writing.get();
            }
            if (!run.isAlive()) {
                throw new AssertionError("the run ended before it published anything; exit " + run.exitValue() + "\n"
                        + Files.readString(temp.resolve("first.log")));
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no depot was being published within " + timeout);
    }

    private static Optional<Path> nextRevisionBeingWritten(Path day) throws IOException {
        if (!Files.isDirectory(day)) {
            return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(day)) {
            return walk.filter(path -> path.getFileName().toString().equals(".next-revision")).filter(path -> {
                try (Stream<Path> files = Files.list(path)) {
                    return files.findAny().isPresent();
                } catch (IOException gone) {
                    return false;
                }
            }).findFirst();
        } catch (IOException | java.io.UncheckedIOException changing) {
            // the run moves files meanwhile: look again
            return Optional.empty();
        }
    }

    /** The files a reader lists in the day's folder (not hidden, not the staged input), with their SHA-256. */
    private static Map<String, String> visibleFiles(Path day) throws IOException {
        return RunFolderFiles.visible(day, name -> !name.startsWith("staging/"));
    }

    private Map<String, String> registered(Path day) throws Exception {
        Map<String, String> artifacts = new TreeMap<>();
        try (Connection c = routeplan.connection(); ResultSet rs = c.createStatement().executeQuery(
                "select path, sha256 from artifacts where plan_date = date '" + DATE + "'")) {
            while (rs.next()) {
                artifacts.put(day.relativize(Path.of(rs.getString(1))).toString(), rs.getString(2));
            }
        }
        return artifacts;
    }

    private List<String> revisions() throws Exception {
        List<String> revisions = new ArrayList<>();
        try (Connection c = routeplan.connection(); ResultSet rs = c.createStatement().executeQuery(
                "select depot_id, revision from plan_revisions where plan_date = date '" + DATE + "' order by depot_id, revision")) {
            while (rs.next()) {
                revisions.add(rs.getString(1) + ":" + rs.getInt(2));
            }
        }
        return revisions;
    }

    private long count(String table) throws Exception {
        return routeplan.count("select count(*) from " + table + " where plan_date = date '" + DATE + "'");
    }

    private Process routeplan(String log, String... args) throws Exception {
        return routeplan.start(Redirect.to(temp.resolve(log).toFile()), args);
    }
}
