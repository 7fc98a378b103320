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
 * A test of the service (web layer, security, the job underneath) through MockMvc, on an
 * in-memory H2 database made by the real migrations, with a signing key of its own. Ask for a
 * {@link TestTokens} to call the API as a role.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=jdbc:h2:mem:routeplan-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "routeplan.rule-pack=../config/rules/delhi.yaml",
        "routeplan.security.signing-key=target/test-keys/${random.uuid}.json",
        "logging.level.dev.routeplan=WARN",
        // every test class shares this context and the local-ROLE subjects: RateLimitTests checks the limits in its own
        "routeplan.rate-limits.mutating.limit=1000000",
        "routeplan.rate-limits.reads.limit=1000000",
        "routeplan.rate-limits.sse-connections=1000"
})
@AutoConfigureMockMvc
@Import(TestTokens.class)
public @interface ServiceTest {
}
