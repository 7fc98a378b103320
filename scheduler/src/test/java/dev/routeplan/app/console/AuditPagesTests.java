package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditEntry;
import dev.routeplan.app.audit.AuditLog;
import dev.routeplan.app.security.ServiceTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /audit} as an administrator sees it: a row made by an action in the console (who, their
 * roles, what, on what, from where, how it ended, in IST), newest first, and each filter
 * narrowing the table. Each test acts as a subject of its own, as the log is shared.
 */
@ServiceTest
class AuditPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog log;

    private final String subject = "audit-page-" + UUID.randomUUID();

    @Test
    void showsTheRowOfAPauseMadeInTheConsoleNewestFirst() throws Exception {
        String schedule = "/schedules/retention-purge/";
        mvc.perform(post(schedule + "pause").param("confirmed", "yes").with(user(subject).roles("OPS")).with(csrf()));
        mvc.perform(post(schedule + "resume").param("confirmed", "yes").with(user(subject).roles("OPS")).with(csrf()));

        List<String> rows = rows(page(get("/audit").param("subject", subject)));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).as("newest first").contains("SCHEDULE_RESUME");
        assertThat(rows.get(1)).contains(subject, "OPS", "SCHEDULE_PAUSE", "schedule retention-purge", "127.0.0.1",
                "SUCCEEDED");
        String today = new ConsoleTimes().dateTime(Instant.now()).split(",")[0];
        assertThat(rows.get(1)).as("when, in IST").contains(today);
    }

    @Test
    void narrowsTheTableByActionOutcomeAndDateRange() throws Exception {
        Instant now = Instant.now();
        append(now, AuditAction.RUN_START, "plan-date 2026-12-01", AuditEntry.Outcome.SUCCEEDED);
        append(now, AuditAction.RUN_STOP, "run 7", AuditEntry.Outcome.REFUSED);
        append(Instant.parse("2026-01-10T20:00:00Z"), AuditAction.RUN_START, "plan-date 2026-01-11", AuditEntry.Outcome.SUCCEEDED);

        assertThat(rows(page(get("/audit").param("subject", subject)))).hasSize(3);
        assertThat(rows(page(get("/audit").param("subject", subject).param("action", "RUN_STOP"))))
                .singleElement().asString().contains("run 7", "REFUSED");
        assertThat(rows(page(get("/audit").param("subject", subject).param("outcome", "REFUSED"))))
                .singleElement().asString().contains("RUN_STOP");
        // 20:00 UTC on 10 January is 01:30 on the 11th in IST: the date range is of IST days
        assertThat(rows(page(get("/audit").param("subject", subject).param("from", "2026-01-11").param("to", "2026-01-11"))))
                .singleElement().asString().contains("plan-date 2026-01-11", "11 Jan 2026, 01:30:00");
        assertThat(rows(page(get("/audit").param("subject", subject).param("to", "2026-01-10")))).isEmpty();
        String today = LocalDate.now(ConsoleTimes.ZONE).toString();
        assertThat(rows(page(get("/audit").param("subject", subject).param("from", today)))).hasSize(2);
    }

    @Test
    void saysWhatIsWrongWithAFilterInsteadOfShowingEveryRow() throws Exception {
        append(Instant.now(), AuditAction.RUN_START, "plan-date 2026-12-01", AuditEntry.Outcome.SUCCEEDED);

        String page = page(get("/audit").param("subject", subject).param("from", "2026-12-02").param("to", "2026-12-01"));

        assertThat(page).contains("the date range ends before it begins", "No audit rows match.");
        assertThat(page(get("/audit").param("action", "RUN_EVERYTHING"))).contains("action RUN_EVERYTHING is not one of the log");
    }

    private void append(Instant at, AuditAction action, String target, AuditEntry.Outcome outcome) {
        log.append(new AuditEntry(at, subject, Set.of("OPS"), action, target, "10.0.0.9", outcome, null));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("auditor").roles("ADMIN"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    /** The table's rows, as HTML, top to bottom. */
    private static List<String> rows(String page) {
        Matcher row = Pattern.compile("<tr id=\"audit-\\d+\">.*?</tr>", Pattern.DOTALL).matcher(page);
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(HtmlUtils.htmlUnescape(row.group()));
        }
        return rows;
    }
}
