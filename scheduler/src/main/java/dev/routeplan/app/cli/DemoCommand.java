package dev.routeplan.app.cli;

import dev.routeplan.app.runs.RunFolders;
import dev.routeplan.planning.domain.PlanClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code routeplan demo}: the bundled scenario, planned for tomorrow, with nothing to set up. */
@Command(name = "demo", sortOptions = false, sortSynopsis = false, description = "Plan tomorrow (Asia/Kolkata) from samples/ on the embedded database.",
        footer = {"", "Run it from the repository root.", RouteplanCommand.SPRING_SETTINGS})
final class DemoCommand extends Subcommand {

    private static final Path SAMPLES = Path.of("samples");

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out/demo",
            description = "Where the outputs go (default: ${DEFAULT-VALUE}).")
    Path output;
    @Mixin
    SolverBudgetOption solverBudget;

    DemoCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(SAMPLES)) {
            throw new ParameterException(spec.commandLine(), "no samples/ folder here: run the demo from the repository root");
        }
        double solverSeconds = solverBudget.seconds();
        RunFolders.check(SAMPLES, output);
        LocalDate tomorrow = LocalDate.now(PlanClock.ZONE).plusDays(1);
        invocation.out().println("Demo: planning " + tomorrow + " from " + SAMPLES.toAbsolutePath().normalize()
                + " on the embedded database");
        return runAndReport(runs -> runs.run(tomorrow, SAMPLES, output, null, solverSeconds));
    }
}
