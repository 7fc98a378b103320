package dev.routeplan.app.cli;

import dev.routeplan.batch.store.DeliveryStore.Delivery;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.batch.store.PlanRevisionStore.Revision;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Shows the operator which revision of each depot's plan is current and where it has been delivered. */
final class DeliveryReport {

    /** Exit status when the plans are published but a delivery failed: retry with {@code routeplan deliver}. */
    static final int DELIVERY_FAILED = 4;

    private final PrintStream out;
    private final PrintStream err;

    DeliveryReport(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Prints the revisions and deliveries; true when a delivery is FAILED (or still PENDING). */
    boolean report(LocalDate planDate, long attempt, List<Revision> revisions, List<Delivery> deliveries) {
        out.println("  revisions " + revisions.stream()
                .map(r -> name(r.depotId()) + " r" + r.revision() + (r.attempt() == attempt ? " (new)" : " (unchanged)"))
                .collect(Collectors.joining(", ")));
        if (deliveries.isEmpty()) {
            out.println("  delivery none (SFTP outbox and mail are not enabled)");
            return false;
        }
        for (Delivery d : deliveries) {
            out.printf("  delivery %-9s r%-2d %-4s %-7s %s (%d %s)%s%n", name(d.depotId()), d.revision(), d.channel(),
                    d.status(), d.target(), d.attempts(), d.attempts() == 1 ? "attempt" : "attempts",
                    d.lastError() == null || d.sent() ? "" : ": " + d.lastError());
        }
        long notSent = deliveries.stream().filter(d -> !d.sent()).count();
        if (notSent > 0) {
            err.println("routeplan: plans of " + planDate + " are published but " + notSent
                    + " delivery(ies) did not go out; the next run of the date retries them, or now: routeplan deliver --date "
                    + planDate);
        }
        return notSent > 0;
    }

    private static String name(String depotId) {
        return PlanRevisionStore.RUN_WIDE.equals(depotId) ? "run files" : depotId;
    }
}
