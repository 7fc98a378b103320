package dev.routeplan.app.cli;

import dev.routeplan.app.runs.RunFolders;
import dev.routeplan.app.security.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code routeplan run}: plans one date from its input folder in this process, or with
 * {@code --attach} starts it on the running service and follows it there ({@link AttachedRun}).
 */
@Command(name = "run", sortOptions = false, sortSynopsis = false,
        customSynopsis = {
                "routeplan run --date YYYY-MM-DD --input DIR --output DIR",
                "                     [--grap-stage N] [--solver-seconds S]",
                "       routeplan run --date YYYY-MM-DD --attach [--service URL]",
                "                     [--grap-stage N] [--solver-seconds S]"},
        description = {
                "Plan one date; outputs go to OUTPUT/DATE/.",
                "Shows each step's progress, then the summary, each depot's current revision and each delivery.",
                "With --attach: start the date on the running service (which plans it from its",
                "own folders), or follow the date's run going on there; shows each step's",
                "changes, then how it ended. Exit status 0 or 1 only: the service does not tell",
                "an OPS token about blocked routes or deliveries."},
        footer = {"", "--attach sends ROUTEPLAN_TOKEN as the bearer token; without it, one minted as",
                "`routeplan token --role OPS` does.", RouteplanCommand.SPRING_SETTINGS})
final class RunCommand extends Subcommand {

    static final String DEFAULT_SERVICE = "http://127.0.0.1:8080";
    static final String TOKEN_VARIABLE = "ROUTEPLAN_TOKEN";

    @Mixin
    PlanDateOption planDate;
    // not the RunFoldersOptions mixin: required here only without --attach
    @Option(names = "--input", paramLabel = "DIR", description = "The folder with the date's files (not with --attach).")
    Path input;
    @Option(names = "--output", paramLabel = "DIR", description = "Where the outputs go, created if missing (not with --attach).")
    Path output;
    @Option(names = "--grap-stage", paramLabel = "N",
            description = "The GRAP stage in force, 0 to 4; without it the date's grap.csv calendar.")
    Integer grapStage;
    @Mixin
    SolverBudgetOption solverBudget;
    @Option(names = "--attach", description = "Run it on the running service (routeplan serve) and follow it there.")
    boolean attach;
    @Option(names = "--service", paramLabel = "URL",
            description = "The service to attach to (default: " + DEFAULT_SERVICE + ").")
    String service;

    RunCommand(Invocation invocation) {
        super(invocation);
    }

    @Override
    public Integer call() throws Exception {
        if (grapStage != null && (grapStage < 0 || grapStage > 4)) {
            throw new ParameterException(spec.commandLine(), "--grap-stage must be 0 to 4");
        }
        double solverSeconds = solverBudget.seconds();
        if (attach) {
            return attach(solverSeconds);
        }
        if (service != null) {
            throw new ParameterException(spec.commandLine(), "--service is for --attach only");
        }
        if (input == null || output == null) {
            throw new ParameterException(spec.commandLine(), (input == null ? "--input" : "--output") + " is required");
        }
        RunFolders.check(input, output);
        return runAndReport(runs -> runs.run(planDate.date, input, output, grapStage, solverSeconds));
    }

    private int attach(double solverSeconds) throws InterruptedException {
        if (input != null || output != null) {
            throw new ParameterException(spec.commandLine(), "--input and --output are not taken with --attach:"
                    + " the service reads and publishes to its own folders (serve --input, --output)");
        }
        URI url = serviceUrl();
        String token = invocation.environment().get(TOKEN_VARIABLE);
        RunsService.TokenSource source = RunsService.TokenSource.ENVIRONMENT;
        if (token == null || token.isBlank()) {
            source = RunsService.TokenSource.MINTED;
            try {
                token = new CommandLineTokens(invocation).issue(Role.OPS);
            } catch (CommandLineTokens.NotIssuedHere external) {
                throw new RunsService.Unanswered("no " + TOKEN_VARIABLE + " set, and " + external.getMessage());
            }
        }
        return new AttachedRun(new RunsService(url, token.strip(), source), invocation.out(), invocation.err())
                .startAndFollow(planDate.date, grapStage, solverSeconds);
    }

    private URI serviceUrl() {
        String given = service == null ? DEFAULT_SERVICE : service;
        try {
            URI url = new URI(given.endsWith("/") ? given.substring(0, given.length() - 1) : given);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new ParameterException(spec.commandLine(), "--service " + given + " is not a URL like " + DEFAULT_SERVICE);
    }
}
