package dev.routeplan.app.cli;

import dev.routeplan.app.runs.RunFolders;
import dev.routeplan.app.runs.RunPlanDate;
import dev.routeplan.app.runs.RunResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code routeplan run}: plans one date from its input folder. */
@Command(name = "run", sortOptions = false, sortSynopsis = false, description = {
        "Plan one date; outputs go to OUTPUT/DATE/.",
        "Shows each step's progress, then the summary, each depot's current revision and each delivery."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The plan date.")
    LocalDate date;
    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The folder with the date's files.")
    Path input;
    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where the outputs go (created if missing).")
    Path output;
    @Option(names = "--grap-stage", paramLabel = "N",
            description = "The GRAP stage in force, 0 to 4; without it the date's grap.csv calendar.")
    Integer grapStage;
    @Option(names = "--solver-seconds", paramLabel = "S", defaultValue = "10",
            description = "The solver's time budget per depot (default: ${DEFAULT-VALUE}).")
    double solverSeconds;
    @Mixin
    HelpOption help;

    private final Invocation invocation;

    RunCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() throws Exception {
        if (grapStage != null && (grapStage < 0 || grapStage > 4)) {
            throw new ParameterException(spec.commandLine(), "--grap-stage must be 0 to 4");
        }
        if (solverSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--solver-seconds must be positive");
        }
        RunFolders.check(input, output);
        HeapPeak.start();
        RunResult result = invocation.inApplication(app -> app.getBean(RunPlanDate.class)
                .run(date, input, output, grapStage, solverSeconds));
        return new RunReport(invocation.out(), invocation.err()).report(result);
    }
}
