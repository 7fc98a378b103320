package dev.routeplan.app.cli;

import dev.routeplan.app.runs.RestartPlanDate;
import dev.routeplan.app.runs.RunResult;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code routeplan restart}: the date's failed run, resumed at its failed step. */
@Command(name = "restart", sortOptions = false, sortSynopsis = false, description = {
        "Resume a date's failed run from its failed step.",
        "It runs with the parameters it was started with; in a partitioned step only the failed partitions run again."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class RestartCommand implements Callable<Integer> {


    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The plan date.")
    LocalDate date;
    @Option(names = "--recover", description = "First mark a run whose process died (still shown as STARTED) as failed."
            + " Only you can know it is dead: in a cluster another node may be running it.")
    boolean recover;
    @Mixin
    HelpOption help;

    private final Invocation invocation;

    RestartCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() throws Exception {
        HeapPeak.start();
        RunResult result = invocation.inApplication(app -> app.getBean(RestartPlanDate.class).restart(date, recover));
        return new RunReport(invocation.out(), invocation.err()).report(result);
    }
}
