package dev.routeplan.app.cli;

import java.io.PrintStream;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line the user must correct: one line saying what is wrong, in the words routeplan
 * always used ({@code --date is required}, {@code unknown option --foo}), then the command's usage;
 * exit status 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    private final PrintStream err;

    UsageErrorHandler(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        err.println("routeplan: " + describe(ex, args));
        UnmatchedArgumentException.printSuggestions(ex, err);
        command.usage(err);
        return ExitStatus.USAGE;
    }

    private static String describe(ParameterException ex, String[] args) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            return (ex.getCommandLine().getParent() == null ? "unknown command " : "unknown option ") + first;
        }
        if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            String name = name(missing.getMissing().get(0));
            boolean given = Arrays.stream(args).anyMatch(arg -> arg.equals(name) || arg.startsWith(name + "="));
            return name + (given ? " needs a value" : " is required");
        }
        if (ex.getCause() instanceof TypeConversionException why && ex.getArgSpec() != null) {
            return name(ex.getArgSpec()) + " " + ex.getValue() + " " + why.getMessage();
        }
        return ex.getMessage();
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }
}
