package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code routeplan demo} where nothing of the repository is: no {@code samples/}, no
 * {@code config/}. Every path the demo reads by default is relative to the working folder, so the
 * test names them inside an empty folder of its own; the samples, the rule pack and the map
 * outline then come from the classpath, as they do from the jar.
 */
class DemoFromAnyFolderTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RouteplanCommandLine cli = new RouteplanCommandLine(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path emptyFolder;

    @Test
    void writesTheBundledSamplesAndPlansThemWithTheBundledRulePackAndOutline() throws Exception {
        Path samples = emptyFolder.resolve("samples");
        Path output = emptyFolder.resolve("out/demo");

        int status = cli.execute("demo", "--samples", samples.toString(), "--output", output.toString(),
                "--solver-seconds", "1",
                "--spring.datasource.url=jdbc:h2:mem:demo-anywhere;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--routeplan.rule-pack=" + emptyFolder.resolve("config/rules/delhi.yaml"),
                "--routeplan.map-outline=" + emptyFolder.resolve("config/maps/delhi-outline.geojson"));

        String console = out.toString(StandardCharsets.UTF_8);
        // 3: compliance blocked a route of a one-second solve; the demo still published
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isIn(ExitStatus.OK, ExitStatus.BLOCKED_ROUTES);
        assertThat(console).contains("wrote the bundled samples to " + samples.toAbsolutePath().normalize());
        assertThat(samples.resolve("orders.csv")).isRegularFile();
        assertThat(samples.resolve("fleet.csv")).isRegularFile();
        assertThat(samples.resolve("depots.csv")).isRegularFile();
        assertThat(Files.size(samples.resolve("orders.csv")))
                .isEqualTo(Files.size(Path.of("../samples/orders.csv")));
        assertThat(console).contains("orders   304 read, 300 accepted, 4 rejected");
        try (var dates = Files.list(output)) {
            Path day = dates.findFirst().orElseThrow();
            assertThat(day.resolve("summary.json")).isRegularFile();
            assertThat(day.resolve("D1/route-map-D1.png")).isRegularFile();
            assertThat(day.resolve("compliance-report.pdf")).isRegularFile();
        }
        assertThat(emptyFolder.resolve("config")).doesNotExist();
    }

    @Test
    void leavesSamplesThatAreThereAsTheyAre() throws Exception {
        Path samples = Files.createDirectories(emptyFolder.resolve("samples"));
        Files.writeString(samples.resolve("depots.csv"), "not, what, the, jar, has\n");

        cli.execute("demo", "--samples", samples.toString(), "--output", emptyFolder.resolve("out").toString(),
                "--solver-seconds", "1",
                "--spring.datasource.url=jdbc:h2:mem:demo-own-samples;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--routeplan.rule-pack=../config/rules/delhi.yaml");

        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("wrote the bundled samples");
        assertThat(samples.resolve("depots.csv")).hasContent("not, what, the, jar, has");
        assertThat(samples.resolve("orders.csv")).doesNotExist();
    }
}
