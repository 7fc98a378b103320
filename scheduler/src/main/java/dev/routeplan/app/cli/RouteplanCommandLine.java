package dev.routeplan.app.cli;

import dev.routeplan.app.RouteplanApplication;
import dev.routeplan.app.compliance.Reverification;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.batch.deliver.PlanDelivery;
import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.DeliveryStore;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.sample.ScenarioGenerator;
import dev.routeplan.planning.sample.ScenarioSpec;
import dev.routeplan.planning.sample.ScenarioWriter;
import dev.routeplan.reports.excel.OrdersWorkbook;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code routeplan demo | run | restart | deliver | generate}: what operators and scripts type. Exit
 * status 0 = done, 1 = the run failed, 2 = the command line is wrong, 3 = done but routes blocked,
 * 4 = done and published but a delivery (SFTP outbox, mail) did not go out.
 */
public final class RouteplanCommandLine {

    static final int USAGE = 2;
    private static final String USAGE_TEXT = """
            usage: java -jar routeplan.jar <command> [options]
              demo     [--output DIR] [--solver-seconds S]
                       plan tomorrow (Asia/Kolkata) from samples/ on the embedded database
              run      --date YYYY-MM-DD --input DIR --output DIR [--grap-stage N] [--solver-seconds S]
                       plan one date; outputs go to OUTPUT/DATE/
              ingest   --date YYYY-MM-DD --input DIR --output DIR
                       take in the date's files only (fetch, fleet, ingest), without planning
              verify   --date YYYY-MM-DD [--grap-stage N] [--rules FILE] [--grap FILE] [--at 2026-12-01T23:30+05:30] [--withdraw]
                       re-verify the stored plan against another stage, pack, a newer GRAP calendar or the stage at dispatch;
                       prints the routes that would become illegal; --withdraw blocks them
              restart  --date YYYY-MM-DD [--recover]
                       resume the date's failed run from its failed step; --recover first marks
                       a run whose process died (still shown as STARTED) as failed
              deliver  --date YYYY-MM-DD
                       show where the date's current plan revisions were delivered and send what is pending or failed
              generate --output DIR [--orders N] [--depots D] [--vehicles V] [--seed S] [--format csv|xlsx]
                       write a synthetic Delhi scenario (orders.csv, fleet.csv, depots.csv)
            Spring settings pass through, e.g. --spring.profiles.active=postgres""";
    private static final double DEFAULT_SOLVER_SECONDS = 10;

    private final PrintStream out;
    private final PrintStream err;

    public RouteplanCommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int execute(String... args) {
        if (args.length == 0 || Set.of("help", "--help", "-h").contains(args[0])) {
            out.println(USAGE_TEXT);
            return args.length == 0 ? USAGE : RunReport.OK;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "demo" -> demo(CommandOptions.parse(rest, Set.of("output", "solver-seconds")));
                case "run" -> run(CommandOptions.parse(rest, Set.of("date", "input", "output", "grap-stage", "solver-seconds")));
                case "ingest" -> ingest(CommandOptions.parse(rest, Set.of("date", "input", "output")));
                case "verify" -> verify(CommandOptions.parse(rest, Set.of("date", "grap-stage", "rules", "grap", "at"),
                        Set.of("withdraw")));
                case "restart" -> restart(CommandOptions.parse(rest, Set.of("date"), Set.of("recover")));
                case "deliver" -> deliver(CommandOptions.parse(rest, Set.of("date")));
                case "generate" -> generate(CommandOptions.parse(rest, Set.of("output", "orders", "depots", "vehicles", "seed", "format")));
                default -> throw new CommandOptions.UsageException("unknown command " + args[0]);
            };
        } catch (CommandOptions.UsageException e) {
            err.println("routeplan: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (PlanRuns.PlanRunException e) {
            err.println("routeplan: " + e.getMessage());
            return RunReport.FAILED;
        }
    }

    private int demo(CommandOptions options) {
        Path samples = Path.of("samples");
        if (!Files.isDirectory(samples)) {
            throw new CommandOptions.UsageException("no samples/ folder here: run the demo from the repository root");
        }
        LocalDate tomorrow = LocalDate.now(PlanClock.ZONE).plusDays(1);
        Path output = options.path("output", Path.of("out", "demo"));
        out.println("Demo: planning " + tomorrow + " from " + samples.toAbsolutePath().normalize() + " on the embedded database");
        return withApplication(options, runs -> runs.run(tomorrow, samples, output, null,
                options.decimal("solver-seconds", DEFAULT_SOLVER_SECONDS)));
    }

    private int run(CommandOptions options) {
        LocalDate date = options.date("date");
        Path input = options.path("input");
        Path output = options.path("output");
        Integer grapStage = options.optionalInteger("grap-stage");
        double seconds = options.decimal("solver-seconds", DEFAULT_SOLVER_SECONDS);
        if (grapStage != null && (grapStage < 0 || grapStage > 4)) {
            throw new CommandOptions.UsageException("--grap-stage must be 0 to 4");
        }
        if (seconds <= 0) {
            throw new CommandOptions.UsageException("--solver-seconds must be positive");
        }
        if (!Files.isDirectory(input)) {
            throw new CommandOptions.UsageException("--input " + input + " is not a folder");
        }
        return withApplication(options, runs -> runs.run(date, input, output, grapStage, seconds));
    }

    private int ingest(CommandOptions options) {
        LocalDate date = options.date("date");
        Path input = options.path("input");
        Path output = options.path("output");
        if (!Files.isDirectory(input)) {
            throw new CommandOptions.UsageException("--input " + input + " is not a folder");
        }
        return withApplication(options, runs -> runs.ingest(date, input, output));
    }

    private int verify(CommandOptions options) {
        LocalDate date = options.date("date");
        Integer stage = options.optionalInteger("grap-stage");
        Path rules = options.text("rules", null) == null ? null : options.path("rules");
        Path calendar = options.text("grap", null) == null ? null : options.path("grap");
        java.time.OffsetDateTime at = options.text("at", null) == null ? null : options.instant("at");
        boolean withdraw = options.flag("withdraw");
        try (ConfigurableApplicationContext context = application(options)) {
            Reverification.Result result = context.getBean(Reverification.class).reverify(date, stage, rules, calendar, at,
                    withdraw, "command line (" + System.getProperty("user.name") + ")");
            return new VerificationReport(out).report(date, result, withdraw);
        } catch (IOException | RuntimeException e) {
            err.println("routeplan: " + e.getMessage());
            return RunReport.FAILED;
        }
    }

    private int restart(CommandOptions options) {
        LocalDate date = options.date("date");
        return withApplication(options, runs -> runs.restart(date, options.flag("recover")));
    }

    private int deliver(CommandOptions options) {
        LocalDate date = options.date("date");
        try (ConfigurableApplicationContext context = application(options)) {
            List<PlanRevisionStore.Revision> revisions = context.getBean(PlanRevisionStore.class).latestOfEach(date);
            if (revisions.isEmpty()) {
                err.println("routeplan: nothing published for " + date + " yet");
                return RunReport.FAILED;
            }
            List<DeliveryStore.Delivery> deliveries = context.getBean(PlanDelivery.class).deliver(date);
            out.println("Delivery of " + date + ":");
            boolean notSent = new DeliveryReport(out, err).report(date, -1, revisions, deliveries);
            return notSent ? DeliveryReport.DELIVERY_FAILED : RunReport.OK;
        } catch (RuntimeException e) {
            err.println("routeplan: " + e.getMessage());
            return RunReport.FAILED;
        }
    }

    private int generate(CommandOptions options) {
        Path output = options.path("output");
        ScenarioSpec spec = new ScenarioSpec(options.integer("seed", 42), options.integer("orders", 300),
                options.integer("depots", 3), options.integer("vehicles", 30));
        String format = options.text("format", "csv");
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new CommandOptions.UsageException("--format must be csv or xlsx");
        }
        try {
            ScenarioWriter.write(ScenarioGenerator.generate(spec), output);
            if (format.equals("xlsx")) {
                OrdersWorkbook.convert(output.resolve("orders.csv"), output.resolve("orders.xlsx"));
                Files.delete(output.resolve("orders.csv"));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandOptions.UsageException(e.getMessage());
        } catch (IOException e) {
            err.println("routeplan: cannot write the scenario to " + output + ": " + e.getMessage());
            return RunReport.FAILED;
        }
        out.printf("Wrote %d orders, %d vehicles and %d depots (seed %d) to %s%n", spec.orders(), spec.vehicles(),
                spec.depots(), spec.seed(), output.toAbsolutePath().normalize());
        return RunReport.OK;
    }

    /** Starts the application (no web server), launches through {@link PlanRuns}, reports, and shuts down. */
    private int withApplication(CommandOptions options, Launch launch) {
        HeapPeak.start();
        try (ConfigurableApplicationContext context = application(options)) {
            JobExecution execution = launch.start(context.getBean(PlanRuns.class));
            int status = new RunReport(out, err).report(execution);
            if (execution.getStatus() != BatchStatus.COMPLETED
                    || !execution.getJobInstance().getJobName().equals(NightlyPlanJobConfiguration.JOB_NAME)) {
                return status;
            }
            PlanRunParameters run = PlanRunParameters.from(execution.getJobParameters());
            boolean notSent = new DeliveryReport(out, err).report(run.planDate(), run.attempt(),
                    context.getBean(PlanRevisionStore.class).latestOfEach(run.planDate()),
                    context.getBean(PlanDelivery.class).current(run.planDate()));
            // blocked routes need a person before anything else; a delivery retries by itself
            return notSent && status == RunReport.OK ? DeliveryReport.DELIVERY_FAILED : status;
        } catch (PlanRuns.PlanRunException | CommandOptions.UsageException e) {
            throw e;
        } catch (Exception e) {
            err.println("routeplan: " + e.getMessage());
            return RunReport.FAILED;
        }
    }

    private ConfigurableApplicationContext application(CommandOptions options) {
        return new SpringApplicationBuilder(RouteplanApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(app -> app.getBeanFactory().registerSingleton("console", out))
                .run(options.springArgs());
    }

    @FunctionalInterface
    private interface Launch {
        JobExecution start(PlanRuns runs) throws Exception;
    }
}
