package dev.routeplan.app.cli;

import picocli.CommandLine.Command;

/**
 * {@code routeplan migrate}: the configured database's schema brought to this version's
 * migrations, and nothing else started. A deploy runs it before the new version replaces the old
 * (the Kubernetes migration Job, {@code scripts/deploy.sh}), so that a failed migration stops the
 * deploy while the old version still serves.
 */
@Command(name = "migrate", sortOptions = false, description = {
        "Apply the database migrations (Flyway) to the configured database and exit.",
        "Starts nothing else: no schedule, no web server, no run. Prints one line, the",
        "schema version before and after; exit status 1, with the reason on stderr, when",
        "the database cannot be reached or a migration fails."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class MigrateCommand extends Subcommand {

    MigrateCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() {
        try {
            invocation.out().println(SchemaMigration.migrate(invocation.springSettings()));
            return ExitStatus.OK;
        } catch (SchemaMigration.Failed failed) {
            invocation.err().println("routeplan migrate: " + failed.getMessage());
            return ExitStatus.FAILED;
        }
    }
}
