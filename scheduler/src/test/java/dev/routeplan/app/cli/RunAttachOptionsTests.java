package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --attach} refusing what it cannot do, before or without a service. */
class RunAttachOptionsTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path temp;

    private RouteplanCommandLine cli(Map<String, String> environment) {
        return new RouteplanCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
    }

    @Test
    void refusesInputAndOutputWithAttachAsAUsageError() {
        int status = cli(Map.of()).execute("run", "--date", "2026-12-01", "--attach", "--input", temp.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("routeplan: --input and --output are not taken with --attach")
                .contains("Usage: routeplan run");
    }

    @Test
    void stillRequiresTheFoldersWithoutAttach() {
        int status = cli(Map.of()).execute("run", "--date", "2026-12-01", "--output", temp.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("routeplan: --input is required");
    }

    @Test
    void refusesAServiceWithoutAttachAndAServiceThatIsNoUrl() {
        assertThat(cli(Map.of()).execute("run", "--date", "2026-12-01", "--input", temp.toString(), "--output",
                temp.toString(), "--service", "http://127.0.0.1:8080")).isEqualTo(2);
        assertThat(cli(Map.of()).execute("run", "--date", "2026-12-01", "--attach", "--service", "127.0.0.1:8080")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("routeplan: --service is for --attach only",
                "routeplan: --service 127.0.0.1:8080 is not a URL like http://127.0.0.1:8080");
    }

    @Test
    void failsInOneLineNamingTheServiceWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int status = cli(Map.of("ROUTEPLAN_TOKEN", "any")).execute("run", "--date", "2026-12-01", "--attach",
                "--service", "http://127.0.0.1:" + port);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("routeplan: cannot reach the service at http://127.0.0.1:"
                + port + " to start the run: connection refused (is routeplan serve running there?)" + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpShowsBothWaysOfRunning() {
        assertThat(cli(Map.of()).execute("run", "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "routeplan run --date YYYY-MM-DD --input DIR --output DIR",
                "routeplan run --date YYYY-MM-DD --attach [--service URL]", "ROUTEPLAN_TOKEN");
    }
}
