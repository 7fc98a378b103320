package dev.routeplan.app.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Quartz's JDBC job store tables under Flyway, from the DDL that ships inside the quartz
 * jar, so the schema is versioned with ours and matches the library exactly (as
 * {@code app.ops.SpringBatchSchemaMigration} does for Spring Batch).
 */
@Component
public class QuartzSchemaMigration implements JavaMigration {

    private static final String SCRIPTS = "org/quartz/impl/jdbcjobstore/";
    private static final Pattern COMMIT = Pattern.compile("(?im)^\\s*commit\\s*;\\s*$");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11");
    }

    @Override
    public String getDescription() {
        return "quartz job store";
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
        String vendor = product.contains("postgres") ? "postgres" : product.contains("h2") ? "h2" : null;
        if (vendor == null) {
            throw new IllegalStateException("no Quartz schema for database " + product);
        }
        ScriptUtils.executeSqlScript(connection, withoutCommit(new ClassPathResource(SCRIPTS + "tables_" + vendor + ".sql")));
    }

    /**
     * The script without its closing COMMIT: Flyway owns the transaction, so the tables and their
     * history row are created together or not at all.
     */
    static Resource withoutCommit(Resource script) throws IOException {
        String sql = script.getContentAsString(StandardCharsets.UTF_8);
        return new ByteArrayResource(COMMIT.matcher(sql).replaceAll("").getBytes(StandardCharsets.UTF_8), script.getDescription());
    }
}
