package dev.routeplan.app.cli;

import dev.routeplan.app.runs.RunResult;
import dev.routeplan.batch.publish.RunSummary;
import java.io.PrintStream;
import java.util.Locale;
import org.springframework.batch.core.BatchStatus;

/** Tells the operator how a run ended, and turns it into the process exit status. */
record RunReport(PrintStream out, PrintStream err) {

    int report(RunResult run) {
        if (!run.completed()) {
            // UNKNOWN: how a step ended could not be saved, so the restart must be told to take the run on
            String restart = run.status() == BatchStatus.UNKNOWN
                    ? "; how it ended could not be saved: once the database answers, routeplan restart --date " + run.planDate()
                            + " --recover"
                    : "; fix the cause, then: routeplan restart --date " + run.planDate();
            err.println("routeplan: run of " + run.planDate() + " (attempt " + run.attempt() + ") " + run.status()
                    + failure(run.failure()) + restart);
            return ExitStatus.FAILED;
        }
        if (run.ingested() != null) {
            return reportIngest(run);
        }
        int status = reportPlan(run);
        boolean notSent = new DeliveryReport(out, err).report(run.planned().delivery(), run.attempt());
        // blocked routes need a person before anything else; a delivery retries by itself
        return notSent && status == ExitStatus.OK ? ExitStatus.DELIVERY_FAILED : status;
    }

    private int reportPlan(RunResult run) {
        RunSummary summary = run.planned().summary();
        // summary.json keeps the attempt that wrote it, which an unchanged re-run does not rewrite
        out.printf("Plan for %s (attempt %d) COMPLETED in %.1f s%n", summary.planDate(), run.attempt(),
                run.took().toMillis() / 1000.0);
        out.printf("  orders   %d read, %d accepted, %d rejected%n", summary.orders().read(), summary.orders().accepted(),
                summary.orders().rejected());
        out.printf("  vehicles %d in fleet, %d set aside, %d used%n", summary.vehicles().total(),
                summary.vehicles().setAside(), summary.vehicles().used());
        out.printf("  routes   %d published, %d blocked by compliance, %.1f km, %d orders unassigned%n",
                summary.compliance().routesPassed(), summary.compliance().routesBlocked(), summary.totalKm(), summary.unassigned());
        if (summary.efficiency() != null) {
            out.println(handPlanHeadline(summary.efficiency()));
            var e = summary.efficiency();
            out.printf("                total km difference (secondary) %+.1f km (%.1f against the hand plan's %.1f%s)%n",
                    e.totalKmDifference(), e.optimisedKm(), e.baselineKm(),
                    e.comparable() ? "" : "; not like for like: different numbers of orders served");
        }
        out.printf("  rules    pack %s %s, GRAP stage %s (%s): %d checks passed, %d failed, %d not evaluated%n",
                summary.rulePack().id(), summary.rulePack().version(), summary.grapStage(), summary.grapSource(),
                summary.compliance().checksPassed(),
                summary.compliance().checksFailed(), summary.compliance().checksNotEvaluated());
        for (RunSummary.DepotSummary depot : summary.depots()) {
            out.printf("  depot %-6s %-28s %2d vehicles %4d stops %8.1f km %3d unassigned%n", depot.depotId(), depot.name(),
                    depot.vehiclesUsed(), depot.stops(), depot.km(), depot.unassigned());
        }
        out.println("Outputs in " + run.planned().outputDir().toAbsolutePath().normalize() + ":");
        for (String file : run.planned().outputs()) {
            out.println("  " + file);
        }
        if (run.planned().routesBlocked() > 0) {
            err.println("routeplan: " + run.planned().routesBlocked()
                    + " route(s) blocked by compliance and not published; their orders are in unassigned.csv");
            return ExitStatus.BLOCKED_ROUTES;
        }
        return ExitStatus.OK;
    }

    /**
     * Per served order, which compares whatever each plan serves: the hand plan serving fewer orders
     * drives fewer km in all, and read from total km the optimiser would look worse for serving more.
     */
    static String handPlanHeadline(RunSummary.Efficiency e) {
        String cost = e.baselineCostPerOrder() == null || e.optimisedCostPerOrder() == null
                ? "cost not recorded for the hand plan"
                : String.format(Locale.ROOT, "cost INR %,.2f (hand plan INR %,.2f, %s)", e.optimisedCostPerOrder(),
                        e.baselineCostPerOrder(), change(e.costPerOrderGainPercent(), "less"));
        return String.format(Locale.ROOT, "  vs hand plan  %d orders served (hand plan %d); per served order: %s, %.2f km"
                        + " (hand plan %.2f, %s)", e.optimisedOrders(), e.baselineOrders(), cost, e.optimisedKmPerOrder(),
                e.baselineKmPerOrder(), change(e.kmPerOrderGainPercent(), "fewer"));
    }

    private static String change(double gainPercent, String better) {
        return gainPercent >= 0 ? String.format(Locale.ROOT, "%.1f%% %s", gainPercent, better)
                : String.format(Locale.ROOT, "%.1f%% more", -gainPercent);
    }

    private int reportIngest(RunResult run) {
        double seconds = run.ingested().took().toMillis() / 1000.0;
        out.printf("Ingest of %s (attempt %d) COMPLETED: %d rows in %.1f s, %.0f rows/s%n", run.planDate(), run.attempt(),
                run.ingested().rowsRead(), seconds, run.ingested().rowsRead() / Math.max(seconds, 0.001));
        out.printf("  peak heap used %d MB%n", HeapPeak.usedMegabytes());
        return ExitStatus.OK;
    }

    private static String failure(RunResult.Failure failure) {
        if (failure == null) {
            return "";
        }
        return failure.step() == null ? ": " + failure.reason() : " at step " + failure.step() + ": " + failure.reason();
    }
}
