package dev.routeplan.app.cli;

import dev.routeplan.app.delivery.DeliveryResult;
import dev.routeplan.batch.store.DeliveryStore.Delivery;
import dev.routeplan.batch.store.PlanRevisionStore;
import java.io.PrintStream;
import java.util.stream.Collectors;

/** Shows the operator which revision of each depot's plan is current and where it has been delivered. */
record DeliveryReport(PrintStream out, PrintStream err) {

    /**
     * Prints the revisions and deliveries; true when a delivery is FAILED (or still PENDING).
     *
     * @param attempt the run whose revisions are marked new, or -1 outside a run
     */
    boolean report(DeliveryResult result, long attempt) {
        out.println("  revisions " + result.revisions().stream()
                .map(r -> name(r.depotId()) + " r" + r.revision() + (r.attempt() == attempt ? " (new)" : " (unchanged)"))
                .collect(Collectors.joining(", ")));
        if (result.deliveries().isEmpty()) {
            out.println("  delivery none (SFTP outbox and mail are not enabled)");
            return false;
        }
        for (Delivery d : result.deliveries()) {
            out.printf("  delivery %-9s r%-2d %-4s %-7s %s (%d %s)%s%n", name(d.depotId()), d.revision(), d.channel(),
                    d.status(), d.target(), d.attempts(), d.attempts() == 1 ? "attempt" : "attempts",
                    d.lastError() == null || d.sent() ? "" : ": " + d.lastError());
        }
        long notSent = result.notSent();
        if (notSent > 0) {
            err.println("routeplan: plans of " + result.planDate() + " are published but " + notSent
                    + " delivery(ies) did not go out; the next run of the date retries them, or now: routeplan deliver --date "
                    + result.planDate());
        }
        return notSent > 0;
    }

    private static String name(String depotId) {
        return PlanRevisionStore.RUN_WIDE.equals(depotId) ? "run files" : depotId;
    }
}
