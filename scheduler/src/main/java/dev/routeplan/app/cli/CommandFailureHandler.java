package dev.routeplan.app.cli;

import dev.routeplan.app.runs.RunFolders;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A command that could not do its work says why in one line, never with a stack trace: exit
 * status 1, or 2 when a folder given on the command line cannot be used.
 */
final class CommandFailureHandler implements IExecutionExceptionHandler {

    private final PrintStream err;

    CommandFailureHandler(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
        if (ex instanceof RunFolders.Unusable folder) {
            err.println("routeplan: --" + folder.role() + " " + folder.path() + " " + folder.problem());
            return ExitStatus.USAGE;
        }
        err.println("routeplan: " + ex.getMessage());
        return ExitStatus.FAILED;
    }
}
