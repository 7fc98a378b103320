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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    static final Pattern PROGRESS = Pattern.compile("ingestFile:\\S+: (\\d+) read");

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
        long readBeforeKill = waitForProgress(first);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long committed = count("orders") + count("order_rejects");
        Process restart = routeplan("restart", "--date", "2026-12-21", "--recover");
        String restartOutput = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        restart.waitFor(120, TimeUnit.SECONDS);

        // then
        assertThat(readBeforeKill).isPositive();
        assertThat(committed).isBetween(1L, (long) ROWS - 1);
        assertThat(restart.exitValue()).as(restartOutput).isZero();
        assertThat(restartOutput).contains("COMPLETED");
        assertThat(count("orders") + count("order_rejects")).isEqualTo(ROWS);
        assertThat(distinctRows()).isEqualTo(ROWS);
    }

    private Process routeplan(String... args) throws Exception {
        return routeplan.start(Redirect.PIPE, args);
    }

    /** Reads the child's progress lines until one shows rows committed, and returns that count. */
    private static long waitForProgress(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher m = PROGRESS.matcher(line);
            if (m.find() && Long.parseLong(m.group(1)) > 0) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("the ingest ended before any progress line; exit " + process.waitFor() + "\n" + seen);
    }

    private long count(String table) throws Exception {
        return routeplan.count("select count(*) from " + table);
    }

    private long distinctRows() throws Exception {
        return routeplan.count("select count(distinct row_number) from (select row_number from orders union all "
                + "select row_number from order_rejects) r");
    }
}
