package dev.routeplan.app.schedule;

import dev.routeplan.app.PostgresSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.routeplan.app.RouteplanApplication;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly trigger firing on the real PostgreSQL job store, clustered as in production. The
 * planning is a stub that counts ({@link CountingPlanning}): these tests are about when and how
 * often Quartz fires, the planning has tests of its own.
 */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "routeplan.rule-pack=../config/rules/delhi.yaml", "logging.level.dev.routeplan=WARN",
        "spring.quartz.auto-startup=true", "routeplan.schedules.monitor=false",
        // a firing late by more than a second is a misfire, so the test need not wait a minute for one
        "spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
        // a busy machine must not make one test node think the other died
        "spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=20000"})
@ActiveProfiles("postgres")
@Import(CountingPlanning.Config.class)
class ScheduleFiringOnPostgresIntegrationTests {

    private static final PostgresSchema SCHEMA = new PostgresSchema();

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    /** The context's scheduler, shut down before its tables go, so it does not poll a dropped schema. */
    private static volatile Scheduler running;

    @AfterAll
    static void dropSchema() throws Exception {
        if (running != null) {
            running.shutdown(true);
        }
        SCHEMA.drop();
    }

    @Autowired
    Scheduler scheduler;
    @Autowired
    Schedules schedules;
    @Autowired
    CountingPlanning planning;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void noRunsYet() {
        running = scheduler;
        planning.clear();
    }

    @Test
    void firesTheNightlyPlanOnceAtItsTimeAndPlansTheNextDay() throws Exception {
        // given
        ZonedDateTime at = secondsAhead(4);

        // when
        schedules.change("nightly-plan", cronAt(at), "Asia/Kolkata");

        // then
        await().atMost(Duration.ofSeconds(30)).until(() -> !planning.planned().isEmpty());
        Thread.sleep(3000);
        assertThat(planning.planned()).containsExactly(at.toLocalDate().plusDays(1));
    }

    @Test
    void runsAFiringMissedWhileDownOnceWhenTheSchedulerComesBack() throws Exception {
        // given: the scheduler is down across the nightly fire time, and well past the misfire threshold
        ZonedDateTime at = secondsAhead(2);
        scheduler.standby();
        try {
            schedules.change("nightly-plan", cronAt(at), "Asia/Kolkata");
            Thread.sleep(Duration.between(ZonedDateTime.now(), at).toMillis() + 4000);
            assertThat(planning.planned()).as("nothing runs while the scheduler is down").isEmpty();
        } finally {
            // when
            scheduler.start();
        }

        // then: the missed night runs, once, and plans the day after the missed slot
        await().atMost(Duration.ofSeconds(30)).until(() -> !planning.planned().isEmpty());
        Thread.sleep(3000);
        assertThat(planning.planned()).containsExactly(at.toLocalDate().plusDays(1));
    }

    @Test
    void twoSchedulersOnOneDatabaseFireATriggerOnce() throws Exception {
        try (QuartzNode other = new QuartzNode(context)) {
            // given: two running nodes of the cluster on one job store
            QuartzNode.Runs here = QuartzNode.Runs.on(scheduler);
            QuartzNode.Runs there = QuartzNode.Runs.on(other.scheduler);
            other.scheduler.start();
            assertThat(other.scheduler.getSchedulerInstanceId()).isNotEqualTo(scheduler.getSchedulerInstanceId());
            try {
                // when
                ZonedDateTime at = secondsAhead(5);
                schedules.change("nightly-plan", cronAt(at), "Asia/Kolkata");

                // then
                await().atMost(Duration.ofSeconds(30)).until(() -> !planning.planned().isEmpty());
                Thread.sleep(4000);
                assertThat(planning.planned()).containsExactly(at.toLocalDate().plusDays(1));
                assertThat(concat(here.ran(), there.ran())).hasSize(1).allMatch(run -> run.endsWith(" nightly-plan"));
            } finally {
                scheduler.getListenerManager().removeJobListener(here.getName());
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static ZonedDateTime secondsAhead(int seconds) {
        return ZonedDateTime.now(ScheduleName.BUSINESS_ZONE).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A cron that fires once a day, at that second. */
    static String cronAt(ZonedDateTime at) {
        return at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * ?";
    }

}
