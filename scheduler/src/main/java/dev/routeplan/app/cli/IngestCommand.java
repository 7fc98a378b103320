package dev.routeplan.app.cli;

import dev.routeplan.app.runs.IngestPlanDate;
import dev.routeplan.app.runs.RunFolders;
import dev.routeplan.app.runs.RunResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code routeplan ingest}: the date's files taken in, nothing planned; for backfills and measuring ingest. */
@Command(name = "ingest", sortOptions = false, sortSynopsis = false,
        description = "Take in a date's files (fetch, fleet, ingest) without planning.",
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class IngestCommand implements Callable<Integer> {


    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The plan date.")
    LocalDate date;
    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The folder with the date's files.")
    Path input;
    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where staging and rejects go.")
    Path output;
    @Mixin
    HelpOption help;

    private final Invocation invocation;

    IngestCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() throws Exception {
        RunFolders.check(input, output);
        HeapPeak.start();
        RunResult result = invocation.inApplication(app -> app.getBean(IngestPlanDate.class).ingest(date, input, output));
        return new RunReport(invocation.out(), invocation.err()).report(result);
    }
}
