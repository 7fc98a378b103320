package dev.routeplan.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code routeplan restart}: the date's failed run, resumed at its failed step. */
@Command(name = "restart", sortOptions = false, sortSynopsis = false, description = {
        "Resume a date's failed run from its failed step.",
        "It runs with the parameters it was started with; in a partitioned step only the failed partitions run again."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class RestartCommand extends Subcommand {

    @Mixin
    PlanDateOption planDate;
    @Option(names = "--recover", description = "First mark a run whose process died (still shown as STARTED) as failed."
            + " Only you can know it is dead: in a cluster another node may be running it.")
    boolean recover;

    RestartCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        return runAndReport(runs -> runs.restart(planDate.date, recover));
    }
}
