package dev.routeplan.app.ops;

import java.sql.Connection;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job repository tables under Flyway, from the DDL that ships inside
 * spring-batch-core, so the schema is versioned with ours and matches the library exactly.
 */
@Component
public class SpringBatchSchemaMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "spring batch job repository";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        String vendor = product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : null;
        if (vendor == null) {
            throw new IllegalStateException("no Spring Batch schema for database " + product);
        }
        ScriptUtils.executeSqlScript(connection, new ClassPathResource("org/springframework/batch/core/schema-" + vendor + ".sql"));
    }
}
