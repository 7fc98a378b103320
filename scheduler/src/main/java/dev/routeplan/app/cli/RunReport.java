package dev.routeplan.app.cli;

import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.publish.RunSummary;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.json.JsonMapper;

/** Tells the operator how a run ended, and turns it into the process exit status. */
final class RunReport {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BLOCKED_ROUTES = 3;

    private final PrintStream out;
    private final PrintStream err;

    RunReport(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int report(JobExecution execution) {
        PlanRunParameters run = PlanRunParameters.from(execution.getJobParameters());
        Duration took = execution.getStartTime() != null && execution.getEndTime() != null
                ? Duration.between(execution.getStartTime(), execution.getEndTime()) : Duration.ZERO;
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            err.println("routeplan: run of " + run.planDate() + " (attempt " + run.attempt() + ") " + execution.getStatus()
                    + failure(execution) + "; fix the cause, then: routeplan restart --date " + run.planDate());
            return FAILED;
        }
        if (!execution.getJobInstance().getJobName().equals(NightlyPlanJobConfiguration.JOB_NAME)) {
            return reportIngest(run, execution);
        }
        Path dir = run.runOutputDir();
        RunSummary summary = JsonMapper.builder().build().readValue(readSummary(dir), RunSummary.class);
        // summary.json keeps the attempt that wrote it, which an unchanged re-run does not rewrite
        out.printf("Plan for %s (attempt %d) COMPLETED in %.1f s%n", summary.planDate(), run.attempt(), took.toMillis() / 1000.0);
        out.printf("  orders   %d read, %d accepted, %d rejected%n", summary.orders().read(), summary.orders().accepted(),
                summary.orders().rejected());
        out.printf("  vehicles %d in fleet, %d set aside, %d used%n", summary.vehicles().total(),
                summary.vehicles().setAside(), summary.vehicles().used());
        out.printf("  routes   %d published, %d blocked by compliance, %.1f km, %d orders unassigned%n",
                summary.compliance().routesPassed(), summary.compliance().routesBlocked(), summary.totalKm(), summary.unassigned());
        if (summary.efficiency() != null) {
            var e = summary.efficiency();
            out.printf("  baseline hand plan %.1f km for %d orders (%.2f km/order); optimised %.1f km for %d orders (%.2f km/order);"
                    + " gain %.1f%%%s%n", e.baselineKm(), e.baselineOrders(), e.baselineKmPerOrder(), e.optimisedKm(),
                    e.optimisedOrders(), e.optimisedKmPerOrder(), e.gainPercent(),
                    e.comparable() ? "" : " (not like for like: different orders served)");
        }
        out.printf("  rules    pack %s %s, GRAP stage %s (%s): %d checks passed, %d failed, %d not evaluated%n",
                summary.rulePack().id(), summary.rulePack().version(), summary.grapStage(), summary.grapSource(),
                summary.compliance().checksPassed(),
                summary.compliance().checksFailed(), summary.compliance().checksNotEvaluated());
        for (RunSummary.DepotSummary depot : summary.depots()) {
            out.printf("  depot %-6s %-28s %2d vehicles %4d stops %8.1f km %3d unassigned%n", depot.depotId(), depot.name(),
                    depot.vehiclesUsed(), depot.stops(), depot.km(), depot.unassigned());
        }
        out.println("Outputs in " + dir.toAbsolutePath().normalize() + ":");
        for (String file : outputs(dir)) {
            out.println("  " + file);
        }
        if (summary.compliance().routesBlocked() > 0) {
            err.println("routeplan: " + summary.compliance().routesBlocked()
                    + " route(s) blocked by compliance and not published; their orders are in unassigned.csv");
            return BLOCKED_ROUTES;
        }
        return OK;
    }

    private int reportIngest(PlanRunParameters run, JobExecution execution) {
        StepExecution ingest = execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingest"))
                .findFirst().orElseThrow();
        double seconds = Duration.between(ingest.getStartTime(), ingest.getEndTime()).toMillis() / 1000.0;
        out.printf("Ingest of %s (attempt %d) COMPLETED: %d rows in %.1f s, %.0f rows/s%n", run.planDate(), run.attempt(),
                ingest.getReadCount(), seconds, ingest.getReadCount() / Math.max(seconds, 0.001));
        out.printf("  peak heap used %d MB%n", HeapPeak.usedMegabytes());
        return OK;
    }

    private static String failure(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.FAILED && !step.getFailureExceptions().isEmpty()) {
                return " at step " + step.getStepName() + ": " + rootMessage(step.getFailureExceptions().get(0));
            }
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        return failures.isEmpty() ? "" : ": " + rootMessage(failures.get(0));
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String readSummary(Path dir) {
        try {
            return Files.readString(dir.resolve("summary.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("run completed but " + dir.resolve("summary.json") + " cannot be read", e);
        }
    }

    /** The run-wide files and each depot's folder ({@code D1/plan-D1.xlsx}); not the kept revisions or the rejects. */
    private static List<String> outputs(Path dir) {
        try (var files = Files.walk(dir, 2)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith("rejects/") && !name.startsWith("revisions/"))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
