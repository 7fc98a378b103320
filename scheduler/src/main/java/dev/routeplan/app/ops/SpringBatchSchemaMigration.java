package dev.routeplan.app.ops;

import java.sql.Connection;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job repository tables under Flyway, from the DDL that ships inside
 * spring-batch-core, so the schema is versioned with ours and matches the library exactly.
 */
@Component
public class SpringBatchSchemaMigration extends VendorMigration {

    public SpringBatchSchemaMigration() {
        super("2", "spring batch job repository");
    }

    @Override
    protected void migrate(Connection connection, Vendor vendor) {
        String script = vendor == Vendor.POSTGRESQL ? "schema-postgresql.sql" : "schema-h2.sql";
        ScriptUtils.executeSqlScript(connection, new ClassPathResource("org/springframework/batch/core/" + script));
    }
}
