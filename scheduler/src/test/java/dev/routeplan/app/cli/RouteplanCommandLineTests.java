package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void withoutACommandListsTheCommandsAndExitsTwo() {
        assertThat(cli.execute()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo", "run", "ingest", "verify", "restart", "deliver",
                "generate");
    }

    @Test
    void helpListsEveryCommandAndTheExitStatuses() {
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: routeplan", "demo", "run", "ingest", "verify",
                "restart", "deliver", "generate", "--spring.profiles.active=postgres", "4  done and published, but a delivery");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"demo, --solver-seconds", "run, --grap-stage", "ingest, --input", "verify, --withdraw",
            "restart, --recover", "deliver, --date", "generate, --vehicles"})
    void eachCommandDescribesItsOptionsOnHelpWithoutStartingTheApplication(String command, String option) {
        long started = System.nanoTime();

        int status = cli.execute(command, "--help");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: routeplan " + command, option, "--help");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
    }

    @Test
    void helpCommandDescribesTheCommandNamed() {
        assertThat(cli.execute("help", "restart")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: routeplan restart", "--recover");
    }

    @Test
    void refusesAnUnknownOptionNamingIt() {
        int status = cli.execute("run", "--date", "2026-12-01", "--input", temp.toString(), "--output", temp.toString(),
                "--colour", "red");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("routeplan: unknown option --colour")
                .contains("Usage: routeplan run");
    }

    @Test
    void refusesADateThatIsNotADate() {
        assertThat(cli.execute("restart", "--date", "2026-13-01")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("routeplan: --date 2026-13-01 is not a date like 2026-12-01");
    }

    @Test
    void refusesAMomentThatIsNotATimeAndANumberThatIsNotWhole() {
        assertThat(cli.execute("verify", "--date", "2026-12-01", "--at", "tonight")).isEqualTo(2);
        assertThat(cli.execute("generate", "--output", temp.toString(), "--orders", "1.5")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "routeplan: --at tonight is not a time like 2026-12-01T23:30+05:30",
                "routeplan: --orders 1.5 is not a whole number");
    }

    @Test
    void refusesAnOptionGivenWithoutItsValue() {
        assertThat(cli.execute("run", "--input", "in", "--output", "out", "--date")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("routeplan: --date needs a value");
    }

    @Test
    void refusesAScenarioWithFewerVehiclesThanDepotsAsAUsageError() {
        assertThat(cli.execute("generate", "--output", temp.toString(), "--depots", "3", "--vehicles", "2")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("routeplan: need at least one vehicle per depot");
    }

    @Test
    void refusesAnInputFolderThatDoesNotExistBeforeAnythingStarts() {
        Path missing = temp.resolve("no-such-folder");

        int status = cli.execute("run", "--date", "2026-12-01", "--input", missing.toString(), "--output",
                temp.resolve("out").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("routeplan: --input " + missing + " does not exist"
                + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesAnOutputFolderUnderARegularFileInOneLineBeforeTheJobStarts() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "not a folder");
        Path output = file.resolve("out");

        int status = cli.execute("run", "--date", "2026-12-01", "--input", temp.toString(), "--output", output.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("routeplan: --output " + output + " cannot be created: "
                + file + " is a file, not a folder" + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesAnOutputFolderTheSystemWillNotCreate() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");

        int status = cli.execute("ingest", "--date", "2026-12-01", "--input", temp.toString(), "--output", "/proc/routeplan");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("routeplan: --output /proc/routeplan cannot be created")
                .doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void verifyOfADateWithoutAStoredPlanSaysSoAndFails() {
        int status = cli.execute("verify", "--date", "2026-12-09",
                "--spring.datasource.url=jdbc:h2:mem:cli-verify;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--routeplan.rule-pack=../config/rules/delhi.yaml");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("routeplan: no stored plan for 2026-12-09"
                + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("routes checked");
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
                "delivery none", "orders served (hand plan ", "per served order: cost INR ", "total km difference (secondary)");

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
