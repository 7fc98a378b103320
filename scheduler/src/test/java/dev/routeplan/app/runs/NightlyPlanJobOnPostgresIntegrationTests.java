package dev.routeplan.app.runs;

import dev.routeplan.app.PostgresSchema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.RouteplanApplication;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly job on the real PostgreSQL of this machine (scripts/test.sh makes sure it runs),
 * in a schema of its own that Flyway creates and the test drops afterwards.
 */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"routeplan.rule-pack=../config/rules/delhi.yaml", "logging.level.dev.routeplan=WARN"})
@ActiveProfiles("postgres")
@ExtendWith(SampleDay.Resolver.class)
class NightlyPlanJobOnPostgresIntegrationTests {

    private static final PostgresSchema SCHEMA = new PostgresSchema();

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        SCHEMA.drop();
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void plansTheSampleDayOnPostgres(SampleDay sampleDay) throws Exception {
        // given
        LocalDate date = LocalDate.of(2026, 12, 1);

        // when
        JobExecution execution = sampleDay.run(date, 0, 2);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("select current_schema()").query(String.class).single()).isEqualTo(SCHEMA.name);
        assertThat(jdbc.sql("select version from flyway_schema_history where success and version is not null order by installed_rank")
                .query(String.class).list()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "10.1", "11", "11.1", "12", "13", "14");
        PlanOutputs out = sampleDay.outputs(date);
        assertThat(jdbc.sql("select count(*) from orders where plan_date = ? and window2_start is not null and window2_end is not null")
                .param(date).query(Long.class).single()).as("two-window orders written by COPY").isEqualTo(25);
        PlanAssertions.everyAcceptedOrderIsRoutedOrUnassignedOnce(jdbc, date, out);
        PlanAssertions.noRouteBreaksCapacityOrAWindow(jdbc, date, out);
        assertThat(jdbc.sql("select count(*) from order_rejects where plan_date = ?").param(date).query(Long.class).single())
                .isEqualTo(4);
        assertThat(jdbc.sql("select depot_id || ':' || revision from plan_revisions where plan_date = ? order by depot_id")
                .param(date).query(String.class).list()).containsExactlyInAnyOrder("*:1", "D1:1", "D2:1", "D3:1");
        assertThat(out.file("D1/plan-D1.xlsx")).isRegularFile();
    }
}
