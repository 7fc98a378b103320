package dev.routeplan.app.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code routeplan} without a command: shows the commands and exits 2, as a script calling it wrongly should see. */
@Command(name = "routeplan", synopsisSubcommandLabel = "<command>",
        description = "Plans, verifies and delivers the day's delivery routes in Delhi.",
        commandListHeading = "%nCommands:%n",
        footer = {"", RouteplanCommand.SPRING_SETTINGS, "",
                "Exit status:",
                "  0  done",
                "  1  failed; one line on stderr says why",
                "  2  wrong command line: unknown command or option, bad value, unusable folder",
                "  3  done, but compliance blocked routes",
                "  4  done and published, but a delivery did not go out",
                "", "routeplan <command> --help shows a command's options."})
final class RouteplanCommand implements Callable<Integer> {

    /** The footer of every command that starts the application. */
    static final String SPRING_SETTINGS =
            "Spring settings pass through, e.g. --spring.profiles.active=postgres.";

    @Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;

    private final PrintStream out;

    RouteplanCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(out);
        return ExitStatus.USAGE;
    }
}
