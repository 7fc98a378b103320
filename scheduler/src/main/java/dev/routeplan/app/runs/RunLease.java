package dev.routeplan.app.runs;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A node's claim to run a plan date ({@code run_leases}).
 *
 * @param jobExecutionId the execution running under the lease; null between the claim and the job's start
 * @param node           who holds it: {@code pid@host}
 */
public record RunLease(LocalDate planDate, Long jobExecutionId, String node, OffsetDateTime acquiredAt,
                       OffsetDateTime heartbeatAt) {

    /**
     * Whether the holder may still be running the date. A lease refreshed within {@code staleAfter}
     * is alive, unless its holder is a process of this host that no longer exists (a killed
     * command line need not be waited for).
     */
    public boolean alive(OffsetDateTime now, Duration staleAfter) {
        if (heartbeatAt.isBefore(now.minus(staleAfter))) {
            return false;
        }
        return !ThisNode.isDeadProcessOfThisHost(node);
    }
}
