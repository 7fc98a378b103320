package dev.routeplan.app.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The application's Flyway, with the application's settings and migrations (the SQL under
 * {@code db/migration} and every {@link JavaMigration} component), in a context that holds
 * nothing but the data source: {@code migrate} must not start the schedule, the job repository or
 * a web server, and must tell an unreachable database from a failed migration.
 */
final class SchemaMigration {

    private SchemaMigration() {
    }

    /**
     * Migrates the configured database.
     *
     * @throws Failed when the database cannot be reached or a migration fails; its message is one line
     */
    static Outcome migrate(List<String> springSettings) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MigrationsOnly.class)
                .web(WebApplicationType.NONE)
                .run(springSettings.toArray(String[]::new))) {
            String url = withoutParameters(context.getBean(DataSourceProperties.class).determineUrl());
            checkReachable(context.getBean(DataSource.class), url);
            Flyway flyway = context.getBean(Flyway.class);
            try {
                String before = version(flyway.info().current());
                int applied = flyway.migrate().migrationsExecuted;
                return new Outcome(before, version(flyway.info().current()), applied);
            } catch (FlywayException e) {
                throw new Failed("migrating " + url + " failed: " + oneLine(e));
            }
        }
    }

    /** Connects once before Flyway does, so that "cannot connect" is told apart from a migration that fails. */
    private static void checkReachable(DataSource dataSource, String url) {
        try (Connection ignored = dataSource.getConnection()) {
            // reachable
        } catch (SQLException | RuntimeException e) {
            throw new Failed("cannot connect to the database at " + url + ": " + firstLine(deepestMessage(e)));
        }
    }

    /** The URL without its query: a password may be a parameter there. */
    private static String withoutParameters(String url) {
        int query = url == null ? -1 : url.indexOf('?');
        return query < 0 ? String.valueOf(url) : url.substring(0, query);
    }

    private static String version(MigrationInfo current) {
        return current == null || current.getVersion() == null ? "empty" : current.getVersion().getVersion();
    }

    /**
     * Flyway's message in one line: a failed migration's first line ("Migration V15__x.sql failed")
     * with the database's own first line; any other (a validation) with its lines joined.
     */
    private static String oneLine(FlywayException e) {
        String sqlCause = null;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getMessage() != null) {
                sqlCause = firstLine(sql.getMessage());
            }
        }
        if (sqlCause != null) {
            return firstLine(e.getMessage()) + ": " + sqlCause;
        }
        return Arrays.stream(String.valueOf(e.getMessage()).split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.matches("-+"))
                .collect(Collectors.joining(" "));
    }

    private static String deepestMessage(Throwable e) {
        String message = e.toString();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    private static String firstLine(String message) {
        return message.strip().lines().findFirst().orElse(message).strip();
    }

    /**
     * The schema version before and after, and how many migrations ran.
     *
     * @param before the version before, {@code empty} for a database Flyway has never migrated
     */
    record Outcome(String before, String after, int applied) {

        @Override
        public String toString() {
            if (applied == 0) {
                return "schema " + after + ": up to date";
            }
            return "schema " + before + " -> " + after + " (" + applied + (applied == 1 ? " migration" : " migrations") + " applied)";
        }
    }

    /** The database could not be reached, or a migration failed: the message says which, in one line. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    /**
     * The data source and Flyway as the application configures them, and the application's Java
     * migrations. Not a {@code @Configuration}: the application's component scan must never pick up
     * its do-nothing migration strategy, or the service would start unmigrated.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    @ComponentScan(basePackages = "dev.routeplan", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JavaMigration.class))
    static class MigrationsOnly {

        /** Boot would migrate while the context starts; the command migrates after it has read the version before. */
        @Bean
        FlywayMigrationStrategy migrateOnCommand() {
            return flyway -> { };
        }
    }
}
