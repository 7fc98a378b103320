package dev.routeplan.app.audit;

import java.time.Instant;
import java.util.Set;

/**
 * One row of the audit log: who (subject and roles), what (action and target), when, from where
 * (client address), and how it ended.
 *
 * @param target  what the action was on, e.g. {@code run 42}, {@code plan-date 2026-12-01}, {@code schedule nightly-plan}
 * @param outcome {@link Outcome}
 * @param detail  anything else worth keeping (the request's parameters, the reason it was refused), or null
 */
public record AuditEntry(Instant at, String subject, Set<String> roles, AuditAction action, String target,
                         String client, Outcome outcome, String detail) {

    public AuditEntry {
        roles = Set.copyOf(roles);
    }

    public enum Outcome {
        /** done, or accepted to be done (a run started in the background) */
        SUCCEEDED,
        /** refused by a rule: a conflict, a bad request, a missing permission */
        REFUSED,
        /** tried and failed */
        FAILED
    }
}
