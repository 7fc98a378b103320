package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.sample.ScenarioGenerator;
import dev.routeplan.planning.sample.ScenarioSpec;
import dev.routeplan.planning.sample.ScenarioWriter;
import java.io.BufferedReader;
import java.lang.ProcessBuilder.Redirect;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest of a large file is killed with SIGKILL in a separate JVM, as a crashed node would be,
 * then restarted: the restart resumes from the last committed chunk, and every row of the file
 * ends up once, as an order or a reject. Runs on the machine's PostgreSQL in a schema of its own.
 */
class KilledIngestRestartIntegrationTests {

    static final int ROWS = 200_000;

    private final ChildRouteplanOnPostgres routeplan = new ChildRouteplanOnPostgres("routeplan_kill_", "--routeplan.chunk-size=1000");

    @TempDir
    Path temp;

    @AfterEach
    void dropSchema() throws Exception {
        routeplan.dropSchema();
    }

    @Test
    void aKilledIngestResumesWithoutDuplicateOrMissingRows() throws Exception {
        // given a large file being taken in by another JVM
        Path input = temp.resolve("in");
        ScenarioWriter.write(ScenarioGenerator.generate(new ScenarioSpec(5, ROWS, 3, 30)), input);
        Process first = routeplan("ingest", "--date", "2026-12-21", "--input", input.toString(), "--output",
                temp.resolve("out").toString());

        // when it is killed once it has committed some chunks
        long readBeforeKill = ChildRouteplanOnPostgres.awaitIngestProgress(
                new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8)), new StringBuilder());
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long committed = routeplan.rowsTakenIn();
        Process restart = routeplan("restart", "--date", "2026-12-21", "--recover");
        String restartOutput = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        restart.waitFor(120, TimeUnit.SECONDS);

        // then
        assertThat(readBeforeKill).isPositive();
        assertThat(committed).isBetween(1L, (long) ROWS - 1);
        assertThat(restart.exitValue()).as(restartOutput).isZero();
        assertThat(restartOutput).contains("COMPLETED");
        assertThat(routeplan.rowsTakenIn()).isEqualTo(ROWS);
        assertThat(routeplan.distinctRowsTakenIn()).isEqualTo(ROWS);
    }

    private Process routeplan(String... args) throws Exception {
        return routeplan.start(Redirect.PIPE, args);
    }
}
