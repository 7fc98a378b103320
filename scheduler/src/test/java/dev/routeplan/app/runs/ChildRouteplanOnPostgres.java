package dev.routeplan.app.runs;

import dev.routeplan.app.RouteplanApplication;
import java.io.BufferedReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code routeplan} commands in JVMs of their own, as separate nodes would run them, on the
 * machine's PostgreSQL in a schema of their own: for the tests that kill a run with SIGKILL and
 * restart it. {@link #dropSchema()} when done.
 */
final class ChildRouteplanOnPostgres {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Pattern INGEST_PROGRESS = Pattern.compile("ingestFile:\\S+: (\\d+) read");
    /** Absolute: {@code serve} binds a path that starts with ".." to nothing (Spring's servlet resource path). */
    private static final Path RULE_PACK = Path.of("../config/rules/delhi.yaml").toAbsolutePath().normalize();

    private final String url;
    private final String schema;
    private final List<String> settings;

    ChildRouteplanOnPostgres(String schemaPrefix, String... settings) {
        this(URL, schemaPrefix, List.of(settings));
    }

    private ChildRouteplanOnPostgres(String url, String schemaPrefix, List<String> settings) {
        this.url = url;
        this.schema = schemaPrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.settings = settings;
    }

    /** On the database at {@code url} (a JDBC URL without parameters) instead of the machine's. */
    static ChildRouteplanOnPostgres on(String url, String schemaPrefix, String... settings) {
        return new ChildRouteplanOnPostgres(url, schemaPrefix, List.of(settings));
    }

    /** Starts {@code routeplan ARGS}, its output to {@code output} (a pipe to read, or a file). */
    Process start(Redirect output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), RouteplanApplication.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url + "?currentSchema=" + schema,
                "--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema,
                "--routeplan.rule-pack=" + RULE_PACK));
        command.addAll(settings);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
    }

    /**
     * Reads an ingest's output until a progress line shows rows committed, keeping what it read in
     * {@code seen}, and returns that count.
     */
    static long awaitIngestProgress(BufferedReader out, StringBuilder seen) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher m = INGEST_PROGRESS.matcher(line);
            if (m.find() && Long.parseLong(m.group(1)) > 0) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("the ingest ended before any progress line\n" + seen);
    }

    /** Orders and rejected rows held: every row read ends as one or the other. */
    long rowsTakenIn() throws Exception {
        return count("select count(*) from orders") + count("select count(*) from order_rejects");
    }

    /** The different row numbers among orders and rejected rows: equal to {@link #rowsTakenIn()} when none is held twice. */
    long distinctRowsTakenIn() throws Exception {
        return count("select count(distinct row_number) from (select row_number from orders union all "
                + "select row_number from order_rejects) r");
    }

    /** The single number a query of the schema answers. */
    long count(String sql) throws Exception {
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Connection connection() throws Exception {
        return DriverManager.getConnection(url + "?currentSchema=" + schema, "postgres", "");
    }

    void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("drop schema if exists " + schema + " cascade");
        }
    }
}
