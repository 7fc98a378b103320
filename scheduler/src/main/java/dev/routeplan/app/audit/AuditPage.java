package dev.routeplan.app.audit;

import java.util.List;

/**
 * One page of audit rows, newest first.
 *
 * @param total how many rows match the filter on all pages
 */
public record AuditPage(List<AuditRecord> entries, int page, int size, long total) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
