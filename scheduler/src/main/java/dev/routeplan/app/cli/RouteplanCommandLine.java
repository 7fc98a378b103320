package dev.routeplan.app.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * {@code routeplan demo | run | ingest | verify | restart | deliver | generate | serve | worker | migrate | token |
 * user}: what operators and scripts type. Exit status 0 = done, 1 = failed, 2 = the command line is wrong, 3 = done but
 * routes blocked, 4 = done and published but a delivery did not go out (see {@link ExitStatus}).
 */
public final class RouteplanCommandLine {

    /** Settings for the application, not for the command; they may appear anywhere. */
    private static final Predicate<String> SPRING_SETTING = arg -> arg.startsWith("--spring.")
            || arg.startsWith("--routeplan.") || arg.startsWith("--logging.")
            || arg.startsWith("--server.") || arg.startsWith("--management.");

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public RouteplanCommandLine(PrintStream out, PrintStream err) {
        this(System.in, out, err, System.getenv());
    }

    /** With the environment variables given, not the process's: for tests. */
    RouteplanCommandLine(PrintStream out, PrintStream err, Map<String, String> environment) {
        this(System.in, out, err, environment);
    }

    /** With stdin and the environment variables given: for tests (the spool import's too, in app.security). */
    public RouteplanCommandLine(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public int execute(String... args) {
        List<String> springSettings = Arrays.stream(args).filter(SPRING_SETTING).toList();
        String[] commandArgs = Arrays.stream(args).filter(SPRING_SETTING.negate()).toArray(String[]::new);
        return commandLine(new Invocation(in, out, err, springSettings, environment)).execute(commandArgs);
    }

    private CommandLine commandLine(Invocation invocation) {
        CommandLine commandLine = new CommandLine(new RouteplanCommand(out))
                .addSubcommand(new DemoCommand(invocation))
                .addSubcommand(new RunCommand(invocation))
                .addSubcommand(new IngestCommand(invocation))
                .addSubcommand(new VerifyCommand(invocation))
                .addSubcommand(new RestartCommand(invocation))
                .addSubcommand(new DeliverCommand(invocation))
                .addSubcommand(new GenerateCommand(invocation))
                .addSubcommand(new ServeCommand(invocation))
                .addSubcommand(new WorkerCommand(invocation))
                .addSubcommand(new MigrateCommand(invocation))
                .addSubcommand(new TokenCommand(invocation))
                .addSubcommand(UserCommand.commandLine(invocation))
                .addSubcommand(KeysCommand.commandLine(invocation))
                .addSubcommand(new EraseCommand(invocation))
                .addSubcommand(new ExportCommand(invocation))
                .addSubcommand(new CommandLine.HelpCommand());
        OptionConverters.registerOn(commandLine);
        return commandLine
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                // an option given twice takes the last value, and @FILE is a file name, not a file of arguments
                .setOverwrittenOptionsAllowed(true)
                .setExpandAtFiles(false)
                .setParameterExceptionHandler(new UsageErrorHandler(err))
                .setExecutionExceptionHandler(new CommandFailureHandler(err));
    }
}
