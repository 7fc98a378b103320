package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteplanCommandLineTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RouteplanCommandLine cli = new RouteplanCommandLine(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path temp;

    @Test
    void refusesARunWithoutADate() {
        int status = cli.execute("run", "--input", "in", "--output", "out");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--date is required");
    }

    @Test
    void refusesAnUnknownCommand() {
        assertThat(cli.execute("plan-everything")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command plan-everything");
    }

    @Test
    void refusesAGrapStageAboveFour() throws IOException {
        int status = cli.execute("run", "--date", "2026-12-01", "--input", temp.toString(), "--output", temp.toString(),
                "--grap-stage", "5");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--grap-stage must be 0 to 4");
    }

    @Test
    void generatesAScenarioOfTheRequestedSize() throws IOException {
        int status = cli.execute("generate", "--output", temp.toString(), "--orders", "120", "--depots", "2",
                "--vehicles", "12", "--seed", "7");

        assertThat(status).isZero();
        try (Stream<String> lines = Files.lines(temp.resolve("orders.csv"))) {
            assertThat(lines.count()).isEqualTo(121);
        }
        assertThat(temp.resolve("fleet.csv")).exists();
        assertThat(temp.resolve("depots.csv")).exists();
    }

    @Test
    void runsTheSampleDayAndRestartSaysWhenThereIsNothingToRestart() throws IOException {
        Path input = Files.createDirectories(temp.resolve("in"));
        for (String name : new String[] {"orders.csv", "fleet.csv", "depots.csv"}) {
            Files.copy(Path.of("../samples", name), input.resolve(name));
        }
        String database = "--spring.datasource.url=jdbc:h2:mem:cli;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

        int status = cli.execute("run", "--date", "2026-12-05", "--input", input.toString(), "--output",
                temp.resolve("out").toString(), "--solver-seconds", "1", database, "--routeplan.rule-pack=../config/rules/delhi.yaml");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("> optimise started", "Plan for 2026-12-05 (attempt 1) COMPLETED",
                "304 read, 300 accepted, 4 rejected", "summary.json", "D1/plan-D1.xlsx", "D1/manifests-D1.pdf",
                "delivery none");

        int restart = cli.execute("restart", "--date", "2026-12-05", database);

        assertThat(restart).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the latest run of 2026-12-05 is COMPLETED");
    }

    @Test
    void exitsFourWhenThePlansArePublishedButTheOutboxIsDownAndDeliverTriesAgain() throws IOException {
        Path input = Files.createDirectories(temp.resolve("in"));
        for (String name : new String[] {"orders.csv", "fleet.csv", "depots.csv"}) {
            Files.copy(Path.of("../samples", name), input.resolve(name));
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String[] settings = {"--spring.datasource.url=jdbc:h2:mem:cli-deliver;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--routeplan.rule-pack=../config/rules/delhi.yaml", "--routeplan.outbox.enabled=true",
                "--routeplan.outbox.host=127.0.0.1", "--routeplan.outbox.port=" + closedPort, "--routeplan.outbox.user=dispatch",
                "--routeplan.outbox.password=test-only-secret", "--routeplan.outbox.trust-any-host-key=true",
                "--routeplan.outbox.max-attempts=1"};

        int status = cli.execute(concat(new String[] {"run", "--date", "2026-12-01", "--input", input.toString(), "--output",
                temp.resolve("out").toString(), "--solver-seconds", "2", "--grap-stage", "0"}, settings));

        // a route the verifier blocks (the solver stops on time) is exit status 3, which comes first
        boolean blocked = !out.toString(StandardCharsets.UTF_8).contains(" 0 blocked by compliance");
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(blocked ? 3 : 4);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Plan for 2026-12-01 (attempt 1) COMPLETED",
                "revisions run files r1 (new), D1 r1 (new)",
                "delivery D1        r1  SFTP FAILED  sftp://127.0.0.1:" + closedPort + "/outbox/2026-12-01/D1 (1 attempt)");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("routeplan deliver --date 2026-12-01");
        assertThat(temp.resolve("out/2026-12-01/D1/plan-D1.xlsx")).isRegularFile();

        int again = cli.execute(concat(new String[] {"deliver", "--date", "2026-12-01"}, settings));

        assertThat(again).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(4);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Delivery of 2026-12-01:",
                "/outbox/2026-12-01/D1 (2 attempts): SFTP 127.0.0.1:" + closedPort);
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
    }
}
