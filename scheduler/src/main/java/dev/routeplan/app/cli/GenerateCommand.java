package dev.routeplan.app.cli;

import dev.routeplan.app.scenario.GenerateScenario;
import dev.routeplan.app.scenario.GenerateScenario.GeneratedScenario;
import dev.routeplan.app.scenario.GenerateScenario.OrdersFormat;
import dev.routeplan.planning.sample.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code routeplan generate}: a synthetic scenario, written without starting the application. */
@Command(name = "generate", sortOptions = false, sortSynopsis = false, description = {
        "Write a synthetic Delhi scenario like samples/, seeded and repeatable.",
        "Writes orders.csv (or orders.xlsx), fleet.csv and depots.csv; starts no database."})
final class GenerateCommand extends Subcommand {

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where the files go.")
    Path output;
    @Option(names = "--orders", paramLabel = "N", defaultValue = "300", description = "Orders (default: ${DEFAULT-VALUE}).")
    int orders;
    @Option(names = "--depots", paramLabel = "D", defaultValue = "3", description = "Depots (default: ${DEFAULT-VALUE}).")
    int depots;
    @Option(names = "--vehicles", paramLabel = "V", defaultValue = "30",
            description = "Vehicles, at least one per depot (default: ${DEFAULT-VALUE}).")
    int vehicles;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Same seed, same scenario (default: ${DEFAULT-VALUE}).")
    int seed;
    @Option(names = "--format", paramLabel = "csv|xlsx", defaultValue = "csv",
            description = "How the orders are written (default: ${DEFAULT-VALUE}).")
    String format;

    GenerateCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new ParameterException(spec.commandLine(), "--format must be csv or xlsx");
        }
        GeneratedScenario written;
        try {
            written = new GenerateScenario().generate(new ScenarioSpec(seed, orders, depots, vehicles), output,
                    OrdersFormat.valueOf(format.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            invocation.err().println("routeplan: cannot write the scenario to " + output + ": " + e.getMessage());
            return ExitStatus.FAILED;
        }
        ScenarioSpec scenario = written.spec();
        invocation.out().printf("Wrote %d orders, %d vehicles and %d depots (seed %d) to %s%n", scenario.orders(),
                scenario.vehicles(), scenario.depots(), scenario.seed(), written.folder().toAbsolutePath().normalize());
        return ExitStatus.OK;
    }
}
