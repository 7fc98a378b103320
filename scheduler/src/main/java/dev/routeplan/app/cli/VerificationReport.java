package dev.routeplan.app.cli;

import dev.routeplan.app.compliance.Reverification;
import dev.routeplan.app.compliance.Reverification.RouteChange;
import java.io.PrintStream;
import java.time.LocalDate;

/** Prints a re-verification: which routes would become illegal and why; exit 3 when any would. */
final class VerificationReport {

    private final PrintStream out;

    VerificationReport(PrintStream out) {
        this.out = out;
    }

    int report(LocalDate date, Reverification.Result result, boolean withdraw) {
        out.printf("Verified the plan of %s against pack %s %s (sha256 %s), GRAP stage %s (%s)%n", date,
                result.pack().id(), result.pack().version(), result.pack().sha256(), result.grapStage(), result.grapSource());
        long illegal = result.routes().stream().filter(RouteChange::illegalNow).count();
        out.printf("  %d routes checked, %d legal, %d illegal, %d of them published and now illegal%n",
                result.routes().size(), result.routes().size() - illegal, illegal, result.newlyIllegal().size());
        for (RouteChange change : result.newlyIllegal()) {
            out.printf("  route %s (depot %s) %s -> %s%n", change.vehicleId(), change.depotId(), change.storedStatus(),
                    withdraw ? "WITHDRAWN" : "would be BLOCKED");
            change.failures().forEach(f -> out.println("      " + f));
        }
        return result.newlyIllegal().isEmpty() ? ExitStatus.OK : ExitStatus.BLOCKED_ROUTES;
    }
}
