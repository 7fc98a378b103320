package dev.routeplan.app.console;

import dev.routeplan.app.PostgresSchema;
import dev.routeplan.app.RouteplanApplication;
import dev.routeplan.app.runs.SampleServiceFolders;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.SecurityProperties;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the console's browser tests share: the service on a loopback port with PostgreSQL (a schema
 * of the test class's own, dropped after it) and a service folder holding the sample day's input
 * ({@link #folder()}); one console user per role, all with {@link #PASSWORD} (asha OPS, ravi
 * PLANNER, kiran COMPLIANCE, meera ADMIN), written where {@code routeplan user add} writes them;
 * and a fresh chromium for each test ({@link #console}, its {@link #browser}).
 */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "routeplan.security.signing-key=target/test-keys/console-browser/${random.uuid}.json",
        "logging.level.dev.routeplan=WARN"
})
@ActiveProfiles("postgres")
// the runs a test starts in the background must not outlive its class on a cached context
@DirtiesContext
abstract class ConsoleBrowserTest {

    static final String PASSWORD = "browser test password";

    // made for each test class's context as it starts (the classes run one after another)
    private static PostgresSchema schema;
    private static Path folder;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        schema = new PostgresSchema();
        folder = SampleServiceFolders.withSamples("routeplan-console");
        schema.register(registry);
        registry.add("routeplan.redis.enabled", () -> "false");
        SampleServiceFolders.registerForRealServer(registry, folder);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        schema.drop();
    }

    /** The service's folder: its {@code input/} (the sample day's files) and {@code out/}. */
    static Path folder() {
        return folder;
    }

    @LocalServerPort
    int port;
    @Autowired
    SecurityProperties security;

    ConsoleBrowser console;
    WebDriver browser;

    @BeforeEach
    void startTheBrowser() {
        ConsoleTestUsers users = new ConsoleTestUsers(security);
        users.replace("asha", Set.of(Role.OPS), PASSWORD);
        users.replace("ravi", Set.of(Role.PLANNER), PASSWORD);
        users.replace("kiran", Set.of(Role.COMPLIANCE), PASSWORD);
        users.replace("meera", Set.of(Role.ADMIN), PASSWORD);
        console = new ConsoleBrowser(port);
        browser = console.driver();
    }

    @AfterEach
    void closeTheBrowser() {
        if (console != null) {
            console.close();
        }
    }
}
