package dev.routeplan.app.audit;

import dev.routeplan.app.ops.VendorMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.stereotype.Component;

/**
 * Migration 10.1: makes {@code audit_log} append-only on PostgreSQL with a trigger that refuses
 * UPDATE, TRUNCATE and DELETE, except a DELETE of a row older than the retention inside a
 * transaction that set {@code routeplan.audit_purge} (what {@link AuditLog#purgeOlderThan} does).
 * The embedded H2 gets nothing: it is a single-user demo database, and its triggers would be Java
 * classes. A trigger holds the application and anyone with its credentials; the table's owner can
 * still drop it, so production should run the service as a role that does not own the table.
 */
@Component
public class AuditLogAppendOnlyMigration extends VendorMigration {

    private static final String FUNCTION = """
            create or replace function audit_log_append_only() returns trigger language plpgsql as $$
            begin
                -- OLD is only read for a row-level DELETE (a TRUNCATE has none)
                if tg_op = 'DELETE' and current_setting('%s', true) = 'on' then
                    if old.at < now() - interval '%d days' then
                        return old;
                    end if;
                end if;
                raise exception 'audit_log is append-only: %% refused', tg_op using errcode = 'insufficient_privilege';
            end
            $$""".formatted(AuditLog.PURGE_SETTING, AuditLog.RETENTION.toDays());

    public AuditLogAppendOnlyMigration() {
        super("10.1", "audit log append-only trigger");
    }

    @Override
    public Integer getChecksum() {
        return FUNCTION.hashCode();
    }

    @Override
    protected void migrate(Connection connection, Vendor vendor) throws SQLException {
        if (vendor == Vendor.H2) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute(FUNCTION);
            sql.execute("""
                    create trigger audit_log_append_only before update or delete on audit_log
                    for each row execute function audit_log_append_only()""");
            sql.execute("""
                    create trigger audit_log_no_truncate before truncate on audit_log
                    for each statement execute function audit_log_append_only()""");
        }
    }
}
