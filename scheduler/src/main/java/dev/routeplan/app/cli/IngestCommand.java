package dev.routeplan.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code routeplan ingest}: the date's files taken in, nothing planned; for backfills and measuring ingest. */
@Command(name = "ingest", sortOptions = false, sortSynopsis = false,
        description = "Take in a date's files (fetch, fleet, ingest) without planning.",
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class IngestCommand extends Subcommand {

    @Mixin
    PlanDateOption planDate;
    @Mixin
    RunFoldersOptions folders;

    IngestCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        folders.check();
        return runAndReport(runs -> runs.ingest(planDate.date, folders.input, folders.output));
    }
}
