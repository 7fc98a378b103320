package dev.routeplan.app.security;

import dev.routeplan.app.RouteplanApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The service with the guards' test fixtures ({@link ProbeContext}): test-only endpoints under
 * {@code /api/v1/probe}, two machine clients of the embedded authorization server, small read
 * limits with a role and a subject override, one allowed CORS origin, and a real server on a
 * random port (so an error takes the container's error path, as in production; the rule pack's
 * path is made absolute in {@link ProbeContext}, as a real server's resource loader will not take
 * {@code ../}). One context
 * for every class that carries this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:routeplan-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "routeplan.security.signing-key=target/test-keys/${random.uuid}.json",
        "logging.level.dev.routeplan=WARN",
        // mutating calls keep the default (100 per 15 minutes)
        "routeplan.rate-limits.reads.limit=20",
        "routeplan.rate-limits.reads.period=1m",
        "routeplan.rate-limits.roles.OPS.reads.limit=30",
        "routeplan.rate-limits.subjects.bench-client.reads.limit=50",
        "routeplan.rate-limits.sse-connections=2",
        "routeplan.security.cors-allowed-origins=" + ProbeContext.CONSOLE_ORIGIN
})
@AutoConfigureMockMvc
@Import({TestTokens.class, ProbeContext.class})
public @interface ProbedServiceTest {
}
