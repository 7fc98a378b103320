package dev.routeplan.app.ops;

import java.sql.Connection;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway Java migration whose SQL depends on the database: PostgreSQL in production, H2 for the
 * embedded default. Used for the DDL that ships inside libraries (Spring Batch, Quartz) and for
 * what only PostgreSQL can hold (the audit log's trigger); any other database is refused.
 */
public abstract class VendorMigration implements JavaMigration {

    /** The databases routeplan runs on. */
    public enum Vendor { POSTGRESQL, H2 }

    private final MigrationVersion version;
    private final String description;

    protected VendorMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    /** Runs in Flyway's transaction on {@code connection}, for {@code vendor}. */
    protected abstract void migrate(Connection connection, Vendor vendor) throws Exception;

    @Override
    public final void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        Vendor vendor = product.contains("postgres") ? Vendor.POSTGRESQL : product.contains("h2") ? Vendor.H2 : null;
        if (vendor == null) {
            throw new IllegalStateException("no " + description + " for database " + product);
        }
        migrate(connection, vendor);
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
