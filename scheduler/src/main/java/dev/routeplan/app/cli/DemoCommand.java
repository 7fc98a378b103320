package dev.routeplan.app.cli;

import dev.routeplan.app.runs.RunFolders;
import dev.routeplan.app.scenario.BundledSamples;
import dev.routeplan.planning.domain.PlanClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code routeplan demo}: the bundled scenario, planned for tomorrow, with nothing to set up. */
@Command(name = "demo", sortOptions = false, sortSynopsis = false, description = "Plan tomorrow (Asia/Kolkata) from samples/ on the embedded database.",
        footer = {"", "Runs from any folder: without a samples/ folder it writes the samples inside routeplan there first.",
                RouteplanCommand.SPRING_SETTINGS})
final class DemoCommand extends Subcommand {

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "samples",
            description = "The sample inputs; written there from the ones inside routeplan when absent (default: ${DEFAULT-VALUE}).")
    Path samples;
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
        double solverSeconds = solverBudget.seconds();
        if (!Files.exists(samples)) {
            BundledSamples.copyInto(samples);
            invocation.out().println("Demo: no " + samples + " folder here; wrote the bundled samples to "
                    + samples.toAbsolutePath().normalize());
        }
        RunFolders.check(samples, output);
        LocalDate tomorrow = LocalDate.now(PlanClock.ZONE).plusDays(1);
        invocation.out().println("Demo: planning " + tomorrow + " from " + samples.toAbsolutePath().normalize()
                + " on the embedded database");
        return runAndReport(runs -> runs.run(tomorrow, samples, output, null, solverSeconds));
    }
}
