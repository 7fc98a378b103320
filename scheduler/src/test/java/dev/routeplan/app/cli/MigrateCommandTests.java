package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.LoopbackPorts;
import dev.routeplan.app.PostgresSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code routeplan migrate} on the embedded H2 file and on a PostgreSQL schema of its own: what a
 * deploy sees before it rolls out (the one line on stdout, the exit status, the one line on stderr).
 */
class MigrateCommandTests {

    private static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private final PostgresSchema schema = new PostgresSchema();

    @TempDir
    Path temp;

    @AfterEach
    void dropSchema() throws Exception {
        schema.drop();
    }

    @Test
    void migratesAFreshH2DatabaseThenFindsItUpToDate() throws Exception {
        String url = "jdbc:h2:file:" + temp.resolve("data/routeplan") + H2_FLAGS;

        Result first = migrate("--spring.datasource.url=" + url);
        Applied applied = applied(url, "sa");
        Result second = migrate("--spring.datasource.url=" + url);

        assertThat(first.status).isZero();
        assertThat(applied.count).as("every migration of the jar ran").isGreaterThan(1);
        assertThat(first.out).isEqualTo("schema empty -> " + applied.latest + " (" + applied.count + " migrations applied)\n");
        assertThat(first.err).isEmpty();
        assertThat(second.status).isZero();
        assertThat(second.out).isEqualTo("schema " + applied.latest + ": up to date\n");
        assertThat(applied(url, "sa")).isEqualTo(applied);
    }

    @Test
    void migratesAFreshPostgresSchemaThenFindsItUpToDate() throws Exception {
        Result first = migrate(postgres());
        Applied applied = applied(POSTGRES + "?currentSchema=" + schema.name, "postgres");
        Result second = migrate(postgres());

        assertThat(first.status).isZero();
        assertThat(applied.count).isGreaterThan(1);
        assertThat(first.out).isEqualTo("schema empty -> " + applied.latest + " (" + applied.count + " migrations applied)\n");
        assertThat(second.status).isZero();
        assertThat(second.out).isEqualTo("schema " + applied.latest + ": up to date\n");
        assertThat(second.err).isEmpty();
        // the Java migrations ran too: the job repository's and the schedule's tables, from their libraries' DDL
        assertThat(tableExists("batch_job_instance")).isTrue();
        assertThat(tableExists("qrtz_locks")).isTrue();
    }

    @Test
    void appliesOnlyTheMigrationsAVersionAddsAndSaysFromWhichVersion() throws Exception {
        Path next = Files.createDirectories(temp.resolve("next-release"));
        Files.writeString(next.resolve("V900__next_release_table.sql"), "create table next_release_table (id int primary key);\n");
        Files.writeString(next.resolve("V901__next_release_column.sql"), "alter table next_release_table add column note text;\n");
        migrate(postgres());
        String before = applied(POSTGRES + "?currentSchema=" + schema.name, "postgres").latest;

        Result upgrade = migrate(postgres("--spring.flyway.locations=classpath:db/migration,filesystem:" + next));

        assertThat(upgrade.status).isZero();
        assertThat(upgrade.out).isEqualTo("schema " + before + " -> 901 (2 migrations applied)\n");
    }

    @Test
    void aMigrationThatFailsExitsOneNamingItAndLeavesTheSchemaAtTheLastGoodVersion() throws Exception {
        Path broken = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(broken.resolve("V900__copy_from_missing_table.sql"),
                "create table half_done (id int);\ninsert into no_such_table values (1);\n");

        Result failed = migrate(postgres("--spring.flyway.locations=classpath:db/migration,filesystem:" + broken));
        Applied applied = applied(POSTGRES + "?currentSchema=" + schema.name, "postgres");
        Result withoutIt = migrate(postgres());

        assertThat(failed.status).isEqualTo(1);
        assertThat(failed.err.lines()).singleElement().asString()
                .startsWith("routeplan migrate: migrating " + POSTGRES + " failed: ")
                .contains("V900__copy_from_missing_table.sql").contains("no_such_table");
        assertThat(applied.latest).as("PostgreSQL rolled the failed migration back").isNotEqualTo("900");
        assertThat(tableExists("half_done")).isFalse();
        assertThat(withoutIt.out).isEqualTo("schema " + applied.latest + ": up to date\n");
    }

    @Test
    void anUnreachableDatabaseExitsOneNamingItsUrl() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + LoopbackPorts.closed() + "/routeplan";

        Result result = migrate("--spring.profiles.active=postgres", "--spring.datasource.url=" + url + "?connectTimeout=2");

        assertThat(result.status).isEqualTo(1);
        assertThat(result.out).isEmpty();
        assertThat(result.err.lines()).singleElement().asString()
                .startsWith("routeplan migrate: cannot connect to the database at " + url + ": ")
                .doesNotContain("connectTimeout");
    }

    private String[] postgres(String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + POSTGRES + "?currentSchema=" + schema.name,
                "--spring.flyway.schemas=" + schema.name, "--spring.flyway.default-schema=" + schema.name));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Result migrate(String... settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("migrate"));
        args.addAll(List.of(settings));
        int status = new RouteplanCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args.toArray(String[]::new));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What Flyway's history table says was applied: the latest version and how many migrations. */
    private static Applied applied(String url, String user) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, "");
             ResultSet rows = c.createStatement().executeQuery(
                     "select version from flyway_schema_history where success and version is not null order by installed_rank")) {
            String latest = null;
            int count = 0;
            while (rows.next()) {
                latest = rows.getString(1);
                count++;
            }
            return new Applied(latest, count);
        }
    }

    private boolean tableExists(String table) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
             ResultSet rows = c.getMetaData().getTables(null, schema.name, table, null)) {
            return rows.next();
        }
    }

    private record Result(int status, String out, String err) {
    }

    private record Applied(String latest, int count) {
    }
}
