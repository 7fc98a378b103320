package dev.routeplan.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --solver-seconds}: how long the solver may think about each depot, for the commands that plan. */
final class SolverBudgetOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--solver-seconds", paramLabel = "S", defaultValue = "10",
            description = "The solver's time budget per depot (default: ${DEFAULT-VALUE}).")
    double seconds;

    /** The budget, refused as a usage error unless positive. */
    double seconds() {
        if (seconds <= 0) {
            throw new ParameterException(command.commandLine(), "--solver-seconds must be positive");
        }
        return seconds;
    }
}
