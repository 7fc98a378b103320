package dev.routeplan.app.schedule;

import dev.routeplan.app.ops.VendorMigration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.regex.Pattern;
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
public class QuartzSchemaMigration extends VendorMigration {

    private static final String SCRIPTS = "org/quartz/impl/jdbcjobstore/";
    private static final Pattern COMMIT = Pattern.compile("(?im)^\\s*commit\\s*;\\s*$");

    public QuartzSchemaMigration() {
        super("11", "quartz job store");
    }

    @Override
    protected void migrate(Connection connection, Vendor vendor) throws IOException {
        String script = vendor == Vendor.POSTGRESQL ? "tables_postgres.sql" : "tables_h2.sql";
        ScriptUtils.executeSqlScript(connection, withoutCommit(new ClassPathResource(SCRIPTS + script)));
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
