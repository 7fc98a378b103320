package dev.routeplan.app.schedule;

import dev.routeplan.app.PostgresSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.routeplan.app.RouteplanApplication;
import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.TestTokens;
import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.batch.store.PlanRevisionStore.Revision;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.CronTrigger;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The schedules API (list, change persisted across a restart, pause and resume, a bad cron) with
 * its audit rows, and the publish-by deadline alert (gauge, ERROR line, one mail to the ops list
 * on GreenMail), on the real PostgreSQL. The scheduler does not start here: nothing fires.
 */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "routeplan.rule-pack=../config/rules/delhi.yaml",
        "routeplan.security.signing-key=target/test-keys/${random.uuid}.json",
        "logging.level.dev.routeplan=WARN",
        "routeplan.schedules.monitor=false",
        "routeplan.schedules.alert-mail-to=ops@example.test",
        "routeplan.schedules.alert-mail-from=routeplan@example.test"})
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@Import(TestTokens.class)
@ExtendWith(OutputCaptureExtension.class)
class SchedulesOnPostgresIntegrationTests {

    private static final PostgresSchema SCHEMA = new PostgresSchema();
    private static final GreenMail MAIL = startMail();
    private static final ZoneId IST = ScheduleName.BUSINESS_ZONE;

    @DynamicPropertySource
    static void schemaAndMail(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void dropSchema() throws Exception {
        MAIL.stop();
        SCHEMA.drop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    SchedulesProperties properties;
    @Autowired
    Schedules schedules;
    @Autowired
    DeadlineMonitor monitor;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    PlanRevisionStore revisions;

    // --- the API

    @Test
    void listsTheSchedulesWithTheirCronZoneStateAndFireTimesInIst() throws Exception {
        mvc.perform(get("/api/v1/schedules").with(tokens.as(Role.OPS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schedules[*].name").value(contains(
                        "nightly-plan", "delivery-retry", "retention-purge")))
                .andExpect(jsonPath("$.schedules[1].job").value("DeliveryRetryJob"))
                .andExpect(jsonPath("$.schedules[1].cron").value("0 0 * * * ?"))
                .andExpect(jsonPath("$.schedules[1].zone").value("Asia/Kolkata"))
                .andExpect(jsonPath("$.schedules[1].state").value("SCHEDULED"))
                .andExpect(jsonPath("$.schedules[1].nextFireTime").value(endsWith(":00:00+05:30")))
                .andExpect(jsonPath("$.schedules[0].publishBy").value("05:30:00"));
    }

    @Test
    void isForOperationsOnly() throws Exception {
        mvc.perform(get("/api/v1/schedules").with(tokens.as(Role.PLANNER))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/schedules/retention-purge/pause").with(tokens.as(Role.COMPLIANCE)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/schedules")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/schedules").with(tokens.as(Role.ADMIN))).andExpect(status().isOk());
    }

    @Test
    void changesACronThatTheStoreKeepsAcrossARestartAndAuditsIt() throws Exception {
        long before = lastAuditId();

        mvc.perform(patch("/api/v1/schedules/retention-purge").with(tokens.as(Role.OPS))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"cron\": \"0 15 4 ? * SAT\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cron").value("0 15 4 ? * SAT"))
                .andExpect(jsonPath("$.zone").value("Asia/Kolkata"))
                .andExpect(jsonPath("$.nextFireTime").value(endsWith("T04:15:00+05:30")));

        // a restarted node registers the configured schedules again, and keeps the store's cron
        try (QuartzNode restarted = new QuartzNode(context)) {
            ScheduleRegistration.register(restarted.scheduler, properties);
            CronTrigger trigger = (CronTrigger) restarted.scheduler.getTrigger(ScheduleName.RETENTION_PURGE.triggerKey());
            assertThat(trigger.getCronExpression()).isEqualTo("0 15 4 ? * SAT");
            assertThat(properties.retentionPurge().cron()).as("not what configuration says").isEqualTo("0 0 3 ? * SUN");
        }
        assertThat(auditSince(before)).containsExactly(
                "SCHEDULE_CHANGE SUCCEEDED schedule retention-purge OPS cron 0 0 3 ? * SUN -> 0 15 4 ? * SAT, zone Asia/Kolkata -> Asia/Kolkata");
    }

    @Test
    void pausesAndResumesAScheduleAndThePauseSurvivesARestart() throws Exception {
        long before = lastAuditId();

        mvc.perform(post("/api/v1/schedules/delivery-retry/pause").with(tokens.as(Role.OPS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PAUSED"));
        mvc.perform(patch("/api/v1/schedules/delivery-retry").with(tokens.as(Role.OPS))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"cron\": \"0 30 * * * ?\"}"))
                .andExpect(jsonPath("$.state").value("PAUSED"));
        try (QuartzNode restarted = new QuartzNode(context)) {
            ScheduleRegistration.register(restarted.scheduler, properties);
            assertThat(restarted.scheduler.getTriggerState(ScheduleName.DELIVERY_RETRY.triggerKey()).name()).isEqualTo("PAUSED");
        }
        mvc.perform(post("/api/v1/schedules/delivery-retry/resume").with(tokens.as(Role.OPS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SCHEDULED"))
                .andExpect(jsonPath("$.cron").value("0 30 * * * ?"));

        assertThat(auditSince(before)).extracting(row -> row.substring(0, row.indexOf(" schedule "))).containsExactly(
                "SCHEDULE_PAUSE SUCCEEDED", "SCHEDULE_CHANGE SUCCEEDED", "SCHEDULE_RESUME SUCCEEDED");
        schedules.change("delivery-retry", "0 0 * * * ?", null);
    }

    @Test
    void answersABadCronWithAProblemAndAuditsTheRefusal() throws Exception {
        long before = lastAuditId();

        mvc.perform(patch("/api/v1/schedules/nightly-plan").with(tokens.as(Role.OPS))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"cron\": \"every night at half past one\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(startsWith("not a Quartz cron expression")));
        mvc.perform(patch("/api/v1/schedules/nightly-plan").with(tokens.as(Role.OPS))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"zone\": \"Mars/Olympus\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/schedules/no-such-schedule/pause").with(tokens.as(Role.OPS)))
                .andExpect(status().isNotFound());

        assertThat(auditSince(before)).extracting(row -> row.substring(0, row.indexOf(" schedule "))).containsExactly(
                "SCHEDULE_CHANGE REFUSED", "SCHEDULE_CHANGE REFUSED");
        assertThat(schedules.get("nightly-plan").cron()).isEqualTo("0 30 1 * * ?");
    }

    // --- the deadline

    @Test
    void alertsOnceWhenTheNightIsNotPublishedByItsDeadline(CapturedOutput output) throws Exception {
        // given: the nightly plan at 01:30 IST with a 05:30 deadline; nothing of 11 December published
        nightlyAtHalfPastOne();
        LocalDate planDate = LocalDate.of(2026, 12, 11);
        int mailsBefore = mailsAbout(planDate);

        // when: the monitor looks a minute after the deadline, and again a minute later
        DeadlineMonitor.Night night = only(monitor.check(ist(2026, 12, 10, 5, 31)));
        double slack = slackGauge();
        monitor.check(ist(2026, 12, 10, 5, 32));

        // then
        assertThat(night.planDate()).isEqualTo(planDate);
        assertThat(night.published()).isFalse();
        assertThat(night.alert()).startsWith("the plans of 2026-12-11 were not published by 05:30 IST");
        assertThat(slack).as("a minute late, and later by what a run would still need")
                .isLessThanOrEqualTo(-60.0).isEqualTo(night.slack().toSeconds(), within(1.0));
        assertThat(output).containsOnlyOnce("DEADLINE MISSED schedule nightly-plan plan date 2026-12-11");
        assertThat(mailsAbout(planDate) - mailsBefore).isEqualTo(1);
        MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> subject(m).contains("2026-12-11")).findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@example.test");
        assertThat(jdbc.sql("select count(*) from schedule_alerts where plan_date = ?").param(planDate)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void alertsBeforeTheDeadlineWhenTheRunCannotFinishInTimeAtItsPace() throws Exception {
        // given: two earlier nights took 83 minutes; tonight's run took twice as long for its first three steps
        nightlyAtHalfPastOne();
        Map<String, Integer> usual = steps(1, 1, 5, 60, 5, 10, 1);
        execution(LocalDate.of(2026, 12, 1), ist(2026, 11, 30, 1, 30), usual, BatchStatus.COMPLETED);
        execution(LocalDate.of(2026, 12, 2), ist(2026, 12, 1, 1, 30), usual, BatchStatus.COMPLETED);
        LocalDate planDate = LocalDate.of(2026, 12, 21);
        Map<String, Integer> tonight = new LinkedHashMap<>();
        tonight.put("fetch", 2);
        tonight.put("fleet", 2);
        tonight.put("ingest", 10);
        tonight.put("optimise", null);
        execution(planDate, ist(2026, 12, 20, 3, 0), tonight, BatchStatus.STARTED);
        int mailsBefore = mailsAbout(planDate);

        // when: at 04:00 optimise has run 46 of its expected 120 minutes; 74 + 10 + 20 + 2 remain: done about 05:46
        DeadlineMonitor.Night night = only(monitor.check(ist(2026, 12, 20, 4, 0)));

        // then
        assertThat(night.alert()).startsWith("at the current pace the plans of 2026-12-21 will be published about 05:46 IST, 16 min after");
        assertThat(slackGauge()).isEqualTo(-16 * 60.0, within(1.0));
        assertThat(mailsAbout(planDate) - mailsBefore).isEqualTo(1);
    }

    @Test
    void reportsThePositiveSlackOfANightPublishedInTime() throws Exception {
        // given
        nightlyAtHalfPastOne();
        LocalDate planDate = LocalDate.of(2026, 12, 26);
        revisions.record(new Revision(planDate, PlanRevisionStore.RUN_WIDE, 1, "f", 1, Path.of("out"),
                ist(2026, 12, 25, 4, 50).atZone(IST).toOffsetDateTime()));

        // when
        DeadlineMonitor.Night night = only(monitor.check(ist(2026, 12, 25, 6, 0)));

        // then
        assertThat(night.published()).isTrue();
        assertThat(night.alert()).isNull();
        assertThat(slackGauge()).isEqualTo(40 * 60.0, within(1.0));
        assertThat(mailsAbout(planDate)).isZero();
    }

    private void nightlyAtHalfPastOne() throws Exception {
        schedules.change("nightly-plan", "0 30 1 * * ?", "Asia/Kolkata");
        schedules.resume("nightly-plan");
    }

    private static Map<String, Integer> steps(int... minutes) {
        String[] names = {"fetch", "fleet", "ingest", "optimise", "verify", "publish", "deliver"};
        Map<String, Integer> steps = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            steps.put(names[i], minutes[i]);
        }
        return steps;
    }

    /** A run of the nightly job as the job repository would hold it; a step of null minutes is running. */
    private void execution(LocalDate planDate, Instant start, Map<String, Integer> stepMinutes, BatchStatus status) {
        JobParameters parameters = new PlanRunParameters(planDate, 1, Path.of("in"), Path.of("out"), null, 1).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(NightlyPlanJobConfiguration.JOB_NAME, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        LocalDateTime at = LocalDateTime.ofInstant(start, ZoneId.systemDefault());
        execution.setStartTime(at);
        execution.setStatus(status);
        jobRepository.update(execution);
        for (Map.Entry<String, Integer> step : stepMinutes.entrySet()) {
            StepExecution stepExecution = jobRepository.createStepExecution(step.getKey(), execution);
            stepExecution.setStartTime(at);
            if (step.getValue() == null) {
                stepExecution.setStatus(BatchStatus.STARTED);
            } else {
                at = at.plusMinutes(step.getValue());
                stepExecution.setEndTime(at);
                stepExecution.setStatus(BatchStatus.COMPLETED);
            }
            jobRepository.update(stepExecution);
        }
        if (status == BatchStatus.COMPLETED) {
            execution.setEndTime(at);
            jobRepository.update(execution);
        }
    }

    private static Instant ist(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, IST).toInstant();
    }

    private static DeadlineMonitor.Night only(List<DeadlineMonitor.Night> nights) {
        assertThat(nights).hasSize(1);
        return nights.get(0);
    }

    private double slackGauge() {
        return meters.get(DeadlineMonitor.SLACK).tag("schedule", "nightly-plan").gauge().value();
    }

    private static int mailsAbout(LocalDate planDate) {
        return (int) Arrays.stream(MAIL.getReceivedMessages()).filter(m -> subject(m).contains(planDate.toString())).count();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long lastAuditId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
    }

    /** The audit rows after {@code id} written by API calls: action, outcome, target, roles, detail. */
    private List<String> auditSince(long id) {
        return jdbc.sql("""
                        select action || ' ' || outcome || ' ' || target || ' ' || roles || coalesce(' ' || detail, '')
                        from audit_log where id > ? and subject <> 'system' order by id""")
                .param(id).query(String.class).list();
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }
}
