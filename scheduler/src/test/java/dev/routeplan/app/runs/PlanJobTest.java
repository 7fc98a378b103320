package dev.routeplan.app.runs;

import dev.routeplan.app.RouteplanApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the whole application without a web server, on an in-memory H2 database that the
 * real Flyway migrations create. Tests run from {@code scheduler/}, so the rule pack is one up.
 * A test that publishes a plan again without re-planning it uses {@code PlanRuns.republish},
 * and a test method may ask for a {@link SampleDay} of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:routeplan-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "routeplan.rule-pack=../config/rules/delhi.yaml",
        "logging.level.dev.routeplan=WARN"
})

@ExtendWith(SampleDay.Resolver.class)
public @interface PlanJobTest {
}
