package dev.routeplan.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A schema of its own on this machine's PostgreSQL (scripts/test.sh makes sure it runs), made by
 * Flyway and dropped after the test class: register it in a {@code @DynamicPropertySource}, drop
 * it in an {@code @AfterAll}.
 */
public final class PostgresSchema {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    public final String name = "routeplan_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + name);
        registry.add("spring.flyway.schemas", () -> name);
        registry.add("spring.flyway.default-schema", () -> name);
    }

    public void drop() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
            c.createStatement().execute("drop schema if exists " + name + " cascade");
        }
    }
}
