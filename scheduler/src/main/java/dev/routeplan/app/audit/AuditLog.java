package dev.routeplan.app.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends rows to {@code audit_log}; nothing in the application updates or deletes one but the retention purge. */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes in its own transaction, so an action that fails and rolls back is still on record. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void append(AuditEntry entry) {
        jdbc.sql("""
                        insert into audit_log (at, subject, roles, action, target, client, outcome, detail)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(entry.at()), entry.subject(), String.join(",", new TreeSet<>(entry.roles())),
                        entry.action().name(), entry.target(), entry.client(), entry.outcome().name(), entry.detail())
                .update();
    }

    /**
     * Removes the rows older than {@code cutoff}: the retention purge, the only remover of audit rows.
     * (When merged with the append-only trigger's branch, that branch's version of this method, which
     * opens the trigger for the purge's transaction, is the one to keep.)
     */
    @Transactional
    public int purgeOlderThan(Instant cutoff) {
        return jdbc.sql("delete from audit_log where at < ?").param(Timestamp.from(cutoff)).update();
    }
}
