package dev.routeplan.app.cli;

import dev.routeplan.app.runs.RunFolders;
import dev.routeplan.app.runs.RunPlanDate;
import dev.routeplan.app.runs.RunResult;
import dev.routeplan.planning.domain.PlanClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code routeplan demo}: the bundled scenario, planned for tomorrow, with nothing to set up. */
@Command(name = "demo", sortOptions = false, sortSynopsis = false, description = "Plan tomorrow (Asia/Kolkata) from samples/ on the embedded database.",
        footer = {"", "Run it from the repository root.", RouteplanCommand.SPRING_SETTINGS})
final class DemoCommand implements Callable<Integer> {

    private static final Path SAMPLES = Path.of("samples");

    @Spec
    CommandSpec spec;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out/demo",
            description = "Where the outputs go (default: ${DEFAULT-VALUE}).")
    Path output;
    @Option(names = "--solver-seconds", paramLabel = "S", defaultValue = "10",
            description = "The solver's time budget per depot (default: ${DEFAULT-VALUE}).")
    double solverSeconds;
    @Mixin
    HelpOption help;

    private final Invocation invocation;

    DemoCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(SAMPLES)) {
            throw new ParameterException(spec.commandLine(), "no samples/ folder here: run the demo from the repository root");
        }
        RunFolders.check(SAMPLES, output);
        LocalDate tomorrow = LocalDate.now(PlanClock.ZONE).plusDays(1);
        invocation.out().println("Demo: planning " + tomorrow + " from " + SAMPLES.toAbsolutePath().normalize()
                + " on the embedded database");
        HeapPeak.start();
        RunResult result = invocation.inApplication(app -> app.getBean(RunPlanDate.class)
                .run(tomorrow, SAMPLES, output, null, solverSeconds));
        return new RunReport(invocation.out(), invocation.err()).report(result);
    }
}
