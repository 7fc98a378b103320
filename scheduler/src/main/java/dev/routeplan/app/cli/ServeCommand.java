package dev.routeplan.app.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code routeplan serve}: the long-running service: schedules, the operations API, metrics. */
@Command(name = "serve", sortOptions = false, description = {
        "Run as a service: the nightly schedule, the operations API on server.port (8080), health and metrics.",
        "Runs it starts read from INPUT and publish to OUTPUT/DATE/, as `run` does. SIGTERM stops it gracefully."},
        footer = {"", RouteplanCommand.SPRING_SETTINGS})
final class ServeCommand extends Subcommand {

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "inbox",
            description = "The folder the service's runs read a date's files from (default: ${DEFAULT-VALUE}).")
    Path input;
    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out",
            description = "Where the service's runs publish (default: ${DEFAULT-VALUE}).")
    Path output;

    ServeCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        invocation.serve(List.of("--routeplan.service.input=" + input, "--routeplan.service.output=" + output));
        return ExitStatus.OK;
    }
}
