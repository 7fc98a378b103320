package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditEntry;
import dev.routeplan.app.audit.AuditFilter;
import dev.routeplan.app.audit.AuditLog;
import dev.routeplan.app.audit.AuditRecord;
import dev.routeplan.app.schedule.ScheduleView;
import dev.routeplan.app.schedule.Schedules;
import dev.routeplan.app.security.ServiceTest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /schedules} as an operator sees it: each schedule's cron and next fire time in IST; a
 * pause asked first, then done, shown and on the audit log; a bad cron refused beside its field
 * with nothing changed; a good one asked, then in force. The nightly-plan schedule is put back
 * as it was after each test (the context, and so the job store, is shared).
 */
@ServiceTest
class SchedulesPagesTests {

    private static final String NIGHTLY = "nightly-plan";

    @Autowired
    MockMvc mvc;
    @Autowired
    Schedules schedules;
    @Autowired
    AuditLog auditLog;

    private final String subject = "schedules-page-" + UUID.randomUUID();
    private final RequestPostProcessor ops = user(subject).roles("OPS");
    private ScheduleView before;

    @BeforeEach
    void remember() throws Exception {
        before = schedules.get(NIGHTLY);
        assertThat(before.state()).as("nightly-plan is enabled in the service tests").isEqualTo(ScheduleView.State.SCHEDULED);
    }

    @AfterEach
    void putBack() throws Exception {
        if (!schedules.get(NIGHTLY).cron().equals(before.cron()) || !schedules.get(NIGHTLY).zone().equals(before.zone())) {
            schedules.change(NIGHTLY, before.cron(), before.zone());
        }
        if (schedules.get(NIGHTLY).state() == ScheduleView.State.PAUSED) {
            schedules.resume(NIGHTLY);
        }
    }

    @Test
    void showsEachScheduleWithItsCronZoneAndNextFireTimeInIst() throws Exception {
        String row = row(page(), NIGHTLY);

        assertThat(row).contains(before.cron(), before.zone(), "SCHEDULED",
                new ConsoleTimes().dateTime(before.nextFireTime().toInstant()), "Pause…", "Change cron…");
        assertThat(row).doesNotContain("Resume…");
        assertThat(before.publishBy()).isNotNull();
        assertThat(row).contains(before.publishBy().toString());
    }

    @Test
    void pausesOnlyOnceConfirmedThenShowsItPausedWithAnAuditRow() throws Exception {
        String question = mvc.perform(post("/schedules/" + NIGHTLY + "/pause").with(ops).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(question).contains("Pause schedule nightly-plan?", "does not fire until it is resumed", "Yes, pause",
                "name=\"confirmed\"", "href=\"/schedules\"");
        assertThat(schedules.get(NIGHTLY).state()).as("asking changes nothing").isEqualTo(ScheduleView.State.SCHEDULED);

        mvc.perform(post("/schedules/" + NIGHTLY + "/pause").param("confirmed", "yes").with(ops).with(csrf()))
                .andExpect(redirectedUrl("/schedules"));

        String row = row(page(), NIGHTLY);
        assertThat(row).contains("PAUSED", "Resume…").doesNotContain("Pause…");
        List<AuditRecord> audited = audited(AuditAction.SCHEDULE_PAUSE);
        assertThat(audited).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo("schedule nightly-plan");
            assertThat(r.outcome()).isEqualTo(AuditEntry.Outcome.SUCCEEDED);
            assertThat(r.roles()).contains("OPS");
        });

        mvc.perform(post("/schedules/" + NIGHTLY + "/resume").param("confirmed", "yes").with(ops).with(csrf()))
                .andExpect(redirectedUrl("/schedules"));
        assertThat(row(page(), NIGHTLY)).contains("SCHEDULED", "Pause…");
        assertThat(audited(AuditAction.SCHEDULE_RESUME)).hasSize(1);
    }

    @Test
    void refusesABadCronBesideItsFieldAndChangesNothing() throws Exception {
        // a Unix cron (minute first, five fields): the mistake a Quartz cron invites
        String page = mvc.perform(post("/schedules/" + NIGHTLY + "/change").param("cron", "30 1 * * *")
                        .param("zone", "Asia/Kolkata").with(ops).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String row = row(page, NIGHTLY);
        assertThat(row).contains("<details open", "value=\"30 1 * * *\"", "aria-invalid=\"true\"",
                "class=\"field-error\"", "not a Quartz cron expression");
        assertThat(schedules.get(NIGHTLY).cron()).isEqualTo(before.cron());
        assertThat(audited(AuditAction.SCHEDULE_CHANGE)).as("nothing was tried").isEmpty();
    }

    @Test
    void refusesABadZoneConfirmedAnywayAsTheApiDoesOnTheAuditLog() throws Exception {
        String page = mvc.perform(post("/schedules/" + NIGHTLY + "/change").param("cron", before.cron())
                        .param("zone", "Mars/Olympus").param("confirmed", "yes").with(ops).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(row(page, NIGHTLY)).contains("not a time zone: 'Mars/Olympus'");
        assertThat(schedules.get(NIGHTLY).zone()).isEqualTo(before.zone());
    }

    @Test
    void changesTheCronOnceConfirmedAndShowsTheNewNextFireTime() throws Exception {
        String cron = "0 15 2 * * ?";
        String question = mvc.perform(post("/schedules/" + NIGHTLY + "/change").param("cron", cron)
                        .param("zone", "Asia/Kolkata").with(ops).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(question).contains("Change schedule nightly-plan?", "fires on cron " + cron + " in Asia/Kolkata instead of "
                + before.cron(), ", 02:15:00 IST", "value=\"" + cron + "\"", "Yes, change");
        assertThat(schedules.get(NIGHTLY).cron()).as("asking changes nothing").isEqualTo(before.cron());

        mvc.perform(post("/schedules/" + NIGHTLY + "/change").param("cron", cron).param("zone", "Asia/Kolkata")
                        .param("confirmed", "yes").with(ops).with(csrf()))
                .andExpect(redirectedUrl("/schedules"));

        ScheduleView changed = schedules.get(NIGHTLY);
        assertThat(changed.cron()).isEqualTo(cron);
        assertThat(row(page(), NIGHTLY)).contains(cron, new ConsoleTimes().dateTime(changed.nextFireTime().toInstant()))
                .endsWith("</tr>");
        assertThat(new ConsoleTimes().dateTime(changed.nextFireTime().toInstant())).endsWith("02:15:00");
        assertThat(audited(AuditAction.SCHEDULE_CHANGE)).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("-> " + cron));
    }

    private String page() throws Exception {
        return mvc.perform(get("/schedules").with(ops)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The table row of one schedule, as HTML. */
    static String row(String page, String name) {
        Matcher row = Pattern.compile("<tr id=\"schedule-" + Pattern.quote(name) + "\">.*?</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).as("a row for %s in %s", name, page).isTrue();
        return HtmlUtils.htmlUnescape(row.group());
    }

    private List<AuditRecord> audited(AuditAction action) {
        return auditLog.find(new AuditFilter(action, subject, null, null, null), 0, 10).entries();
    }
}
