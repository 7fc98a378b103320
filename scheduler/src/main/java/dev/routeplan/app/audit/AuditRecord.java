package dev.routeplan.app.audit;

import java.time.Instant;
import java.util.List;

/** An {@link AuditEntry} as stored, with its row id. */
public record AuditRecord(long id, Instant at, String subject, List<String> roles, AuditAction action, String target,
                          String client, AuditEntry.Outcome outcome, String detail) {

    public AuditRecord {
        roles = List.copyOf(roles);
    }
}
