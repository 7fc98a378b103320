package dev.routeplan.app.audit;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
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
public class AuditLogAppendOnlyMigration implements JavaMigration {

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

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("10.1");
    }

    @Override
    public String getDescription() {
        return "audit log append-only trigger";
    }

    @Override
    public Integer getChecksum() {
        return FUNCTION.hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        if (product.contains("h2")) {
            return;
        }
        if (!product.contains("postgres")) {
            throw new IllegalStateException("no append-only rule for audit_log on " + product);
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
