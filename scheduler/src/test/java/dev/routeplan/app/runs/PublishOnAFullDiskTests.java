package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.digest.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The output disk fills up while a changed plan is published: the run fails on the publish step
 * saying so, and every depot's current revision stays as it was, whole, registered and handed out
 * as before; no half-written file or folder is left. Once there is room, the restart publishes the
 * new revision and keeps the old one. The disk is a 16 MiB tmpfs the test mounts (root only: where
 * it cannot mount, the test is skipped and says why).
 */
@PlanJobTest
class PublishOnAFullDiskTests {

    private static final LocalDate DATE = LocalDate.of(2026, 12, 20);

    @Autowired
    PlanRuns runs;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;
    private Path disk;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(folder.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes());
        assertThat(mount.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeTrue(mount.exitValue() == 0, "cannot mount a tmpfs here (needs root): " + said.strip());
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void keepsTheCurrentRevisionWholeWhenTheDiskFillsAndPublishesTheNextOnceThereIsRoom() throws Exception {
        Path input = SampleDay.copySamplesInto(folder.resolve("input"));
        assertThat(runs.run(DATE, input, disk, 0, 1).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path day = disk.resolve(DATE.toString());
        Map<String, String> published = files(day);
        assertThat(published).containsKeys("D1/manifests-D1.pdf", "plan-all-depots.xlsx");
        Path filler = fillLeaving(disk, 64 * 1024);

        // GRAP stage 4 keeps the older diesel trucks out: every depot's plan changes
        JobExecution failed = runs.run(DATE, input, disk, 4, 1);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution publish = failed.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                .findFirst().orElseThrow();
        assertThat(publish.getStepName()).isEqualTo("publish");
        assertThat(publish.getExitStatus().getExitDescription()).contains("No space left on device");
        assertThat(files(day)).as("every current file as it was, nothing half-written beside it").isEqualTo(published);
        assertThat(revisions()).containsExactly("*:1", "D1:1", "D2:1", "D3:1");
        assertThat(registered()).as("the registered files are the published ones, at the same SHA-256")
                .isEqualTo(withFolder(day, published));

        Files.delete(filler);
        JobExecution restarted = runs.restart(DATE);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // the solver stops on time, so a depot may come out as before: it then stays at revision 1
        List<String> changed = revisions().stream().filter(revision -> revision.endsWith(":2"))
                .map(revision -> revision.substring(0, revision.indexOf(':'))).toList();
        assertThat(changed).as("depots published as revision 2").isNotEmpty();
        Map<String, String> now = files(day);
        for (String depot : changed) {
            String prefix = depot.equals("*") ? "" : depot + "/";
            Map<String, String> previous = new TreeMap<>(published);
            previous.keySet().removeIf(name -> !name.startsWith(prefix) || name.substring(prefix.length()).contains("/"));
            assertThat(previous).as("revision 1 of %s", depot).isNotEmpty();
            previous.forEach((name, sha) -> assertThat(now).as("%s kept", name)
                    .containsEntry(prefix + "revisions/r1/" + name.substring(prefix.length()), sha));
            assertThat(previous).as("revision 2 of %s differs", depot).anySatisfy((name, sha) ->
                    assertThat(now.get(name)).isNotNull().isNotEqualTo(sha));
        }
        assertThat(registered()).isEqualTo(withFolder(day, now));
    }

    /** Every file under the day's folder but its staged input, by path relative to it, with its SHA-256. */
    private static Map<String, String> files(Path day) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(day)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = day.relativize(file).toString();
                if (!name.startsWith("staging/")) {
                    files.put(name, Sha256.hex(file));
                }
            }
        }
        return files;
    }

    private Map<String, String> registered() {
        Map<String, String> artifacts = new TreeMap<>();
        jdbc.sql("select path, sha256 from artifacts where plan_date = ?").param(DATE)
                .query((rs, n) -> artifacts.put(rs.getString("path"), rs.getString("sha256"))).list();
        return artifacts;
    }

    private static Map<String, String> withFolder(Path day, Map<String, String> files) {
        Map<String, String> absolute = new TreeMap<>();
        files.forEach((name, sha) -> absolute.put(day.resolve(name).toString(), sha));
        return absolute;
    }

    private List<String> revisions() {
        return jdbc.sql("select depot_id, revision from plan_revisions where plan_date = ? order by depot_id, revision")
                .param(DATE).query((rs, n) -> rs.getString(1) + ":" + rs.getInt(2)).list();
    }

    /** Writes a file that leaves {@code free} bytes on the disk. */
    private static Path fillLeaving(Path disk, long free) throws IOException {
        Path filler = disk.resolve("filler");
        long size = Files.getFileStore(disk).getUsableSpace() - free;
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return filler;
    }
}
