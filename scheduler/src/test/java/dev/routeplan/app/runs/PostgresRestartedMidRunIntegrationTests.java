package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.LoopbackPorts;
import dev.routeplan.planning.sample.ScenarioGenerator;
import dev.routeplan.planning.sample.ScenarioSpec;
import dev.routeplan.planning.sample.ScenarioWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database restarts under routeplan: a cluster of the test's own, stopped and started again
 * with {@code pg_ctl} while a run takes in a large file, and while the service answers its probes.
 * The run fails saying the connection was lost and how to go on; its state could not be saved, so
 * Spring Batch leaves it UNKNOWN, which {@code restart --recover} takes on and finishes with every
 * row once. The service leaves readiness while the database is away and comes back without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRestartedMidRunIntegrationTests {

    private static final int ROWS = 100_000;
    private static final String DATE = "2026-12-21";
    private static final Pattern RESTART = Pattern.compile("routeplan restart --date " + DATE + "( --recover)?");

    private OwnPostgresCluster cluster;

    @TempDir
    static Path temp;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = OwnPostgresCluster.start();
    }

    @AfterAll
    void removeCluster() throws Exception {
        cluster.close();
    }

    @Test
    void anIngestWhoseDatabaseRestartsFailsSayingSoAndItsRestartTakesEveryRowInOnce() throws Exception {
        // given a large file being taken in
        ChildRouteplanOnPostgres routeplan = ChildRouteplanOnPostgres.on(cluster.jdbcUrl(), "routeplan_pgrestart_",
                "--routeplan.chunk-size=1000", "--routeplan.redis.enabled=false");
        Path input = temp.resolve("in");
        ScenarioWriter.write(ScenarioGenerator.generate(new ScenarioSpec(5, ROWS, 3, 30)), input);
        Process first = routeplan.start(Redirect.PIPE, "ingest", "--date", DATE, "--input", input.toString(), "--output",
                temp.resolve("out").toString());
        BufferedReader output = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder firstOutput = new StringBuilder();
        ChildRouteplanOnPostgres.awaitIngestProgress(output, firstOutput);

        // when the database restarts under it
        cluster.stop();
        Thread.sleep(2_000);
        cluster.startAgain();

        // then the run fails saying what broke and how to go on
        output.lines().forEach(line -> firstOutput.append(line).append('\n'));
        assertThat(first.waitFor(3, TimeUnit.MINUTES)).as("the run ended").isTrue();
        assertThat(first.exitValue()).as(firstOutput.toString()).isEqualTo(1);
        assertThat(firstOutput).contains("lost the connection to the database");
        // how the step ended was saved (FAILED) or, when the database went during that save, not (UNKNOWN);
        // either way the message names the command that goes on
        Matcher named = RESTART.matcher(firstOutput);
        assertThat(named.find()).as(firstOutput.toString()).isTrue();
        boolean unknown = named.group(1) != null;
        if (unknown) {
            Command plainRestart = Command.run(routeplan, "restart", "--date", DATE);
            assertThat(plainRestart.exit()).as(plainRestart.output()).isNotZero();
            assertThat(plainRestart.output()).contains("UNKNOWN").contains("--recover");
        }
        long rowsBefore = routeplan.rowsTakenIn();

        // and the restart the message names takes every row in once
        Command restart = unknown ? Command.run(routeplan, "restart", "--date", DATE, "--recover")
                : Command.run(routeplan, "restart", "--date", DATE);
        assertThat(restart.exit()).as(restart.output()).isZero();
        assertThat(restart.output()).contains("COMPLETED");
        assertThat(rowsBefore).as("rows committed before the restart").isBetween(1L, (long) ROWS - 1);
        assertThat(routeplan.rowsTakenIn()).isEqualTo(ROWS);
        assertThat(routeplan.distinctRowsTakenIn()).as("no row twice").isEqualTo(ROWS);
        routeplan.dropSchema();
    }

    @Test
    void theServiceIsOutOfRotationWhileItsDatabaseIsDownAndBackInWhenItReturns() throws Exception {
        // with the pool's default 30 s wait for a connection the probe would answer only after the
        // kubelet's 3 s timeout, which it counts as not ready too; 2 s lets the test read the 503
        ChildRouteplanOnPostgres routeplan = ChildRouteplanOnPostgres.on(cluster.jdbcUrl(), "routeplan_pgready_",
                "--routeplan.redis.enabled=false", "--spring.datasource.hikari.connection-timeout=2000");
        int port = LoopbackPorts.closed();
        Process service = routeplan.start(Redirect.to(temp.resolve("serve.log").toFile()), "serve", "--server.port=" + port,
                "--routeplan.security.signing-key=" + temp.resolve("signing-key.json"),
                "--input", Files.createDirectories(temp.resolve("serve-in")).toString(),
                "--output", temp.resolve("serve-out").toString());
        try {
            Probe probe = new Probe(port);
            probe.await("readiness", 200, Duration.ofMinutes(2), service);

            cluster.stop();
            probe.await("readiness", 503, Duration.ofSeconds(60), service);
            assertThat(probe.status("liveness")).as("alive all along: restarting the JVM would not bring the database back")
                    .isEqualTo(200);

            cluster.startAgain();
            probe.await("readiness", 200, Duration.ofSeconds(60), service);
        } finally {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            routeplan.dropSchema();
        }
    }

    /** A finished {@code routeplan} command: its exit status and what it printed. */
    private record Command(int exit, String output) {

        static Command run(ChildRouteplanOnPostgres routeplan, String... args) throws Exception {
            Process process = routeplan.start(Redirect.PIPE, args);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                throw new AssertionError(String.join(" ", args) + " did not end:\n" + output);
            }
            return new Command(process.exitValue(), output);
        }
    }

    /** The service's probes, as the kubelet asks them: no credentials. */
    private static final class Probe {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final int port;

        Probe(int port) {
            this.port = port;
        }

        int status(String probe) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/" + probe))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException notListening) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void await(String probe, int expected, Duration timeout, Process service) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            int last = -1;
            while (System.nanoTime() < deadline) {
                if (!service.isAlive()) {
                    throw new AssertionError("the service ended, exit " + service.exitValue() + "\n"
                            + Files.readString(temp.resolve("serve.log")));
                }
                last = status(probe);
                if (last == expected) {
                    return;
                }
                Thread.sleep(250);
            }
            throw new AssertionError(probe + " answered " + last + ", not " + expected + ", for " + timeout);
        }
    }
}
