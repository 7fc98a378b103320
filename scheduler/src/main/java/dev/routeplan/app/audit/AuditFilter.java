package dev.routeplan.app.audit;

import java.time.Instant;

/**
 * Which audit rows to read; a null field does not filter.
 *
 * @param from the earliest time, inclusive
 * @param to   the latest time, exclusive
 */
public record AuditFilter(AuditAction action, String subject, AuditEntry.Outcome outcome, Instant from, Instant to) {
}
