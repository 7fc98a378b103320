package dev.routeplan.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code routeplan run}: plans one date from its input folder. */
@Command(name = "run", sortOptions = false, sortSynopsis = false, description = {
        "Plan one date; outputs go to OUTPUT/DATE/.",
        "Shows each step's progress, then the summary, each depot's current revision and each delivery."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class RunCommand extends Subcommand {

    @Mixin
    PlanDateOption planDate;
    @Mixin
    RunFoldersOptions folders;
    @Option(names = "--grap-stage", paramLabel = "N",
            description = "The GRAP stage in force, 0 to 4; without it the date's grap.csv calendar.")
    Integer grapStage;
    @Mixin
    SolverBudgetOption solverBudget;

    RunCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        if (grapStage != null && (grapStage < 0 || grapStage > 4)) {
            throw new ParameterException(spec.commandLine(), "--grap-stage must be 0 to 4");
        }
        double solverSeconds = solverBudget.seconds();
        folders.check();
        return runAndReport(runs -> runs.run(planDate.date, folders.input, folders.output, grapStage, solverSeconds));
    }
}
