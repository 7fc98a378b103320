package dev.routeplan.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.routeplan.app.security.Role;
import dev.routeplan.app.security.ServiceTest;
import dev.routeplan.app.security.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/v1/audit} and the retention purge on the embedded H2 (no trigger there). */
@ServiceTest
class AuditApiTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestTokens tokens;
    @Autowired
    AuditLog log;

    @Test
    void listsAnActorsRowsNewestFirstWithWhoWhatWhenAndFromWhere() throws Exception {
        String subject = actor();
        append(subject, AuditAction.RUN_START, "plan-date 2026-12-01", AuditEntry.Outcome.SUCCEEDED, NOW.minusSeconds(120));
        append(subject, AuditAction.RUN_RESTART, "run 42", AuditEntry.Outcome.REFUSED, NOW.minusSeconds(60));

        mvc.perform(get("/api/v1/audit").param("subject", subject).with(tokens.as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.entries[*].action", contains("RUN_RESTART", "RUN_START")))
                .andExpect(jsonPath("$.entries[0].target").value("run 42"))
                .andExpect(jsonPath("$.entries[0].roles", contains("OPS")))
                .andExpect(jsonPath("$.entries[0].client").value("10.1.2.3"))
                .andExpect(jsonPath("$.entries[0].outcome").value("REFUSED"))
                .andExpect(jsonPath("$.entries[0].at").value(NOW.minusSeconds(60).toString()));
    }

    @Test
    void filtersByActionOutcomeAndTimeRange() throws Exception {
        String subject = actor();
        append(subject, AuditAction.DOWNLOAD, "plan-D1.xlsx", AuditEntry.Outcome.SUCCEEDED, NOW.minus(Duration.ofDays(3)));
        append(subject, AuditAction.DOWNLOAD, "plan-D2.xlsx", AuditEntry.Outcome.SUCCEEDED, NOW.minus(Duration.ofDays(1)));
        append(subject, AuditAction.DOWNLOAD, "plan-D3.xlsx", AuditEntry.Outcome.FAILED, NOW.minus(Duration.ofDays(1)));
        append(subject, AuditAction.WHAT_IF, "plan-date 2026-12-01", AuditEntry.Outcome.SUCCEEDED, NOW.minus(Duration.ofDays(1)));

        mvc.perform(get("/api/v1/audit").with(tokens.as(Role.ADMIN))
                        .param("subject", subject)
                        .param("action", "DOWNLOAD")
                        .param("outcome", "SUCCEEDED")
                        .param("from", NOW.minus(Duration.ofDays(2)).toString())
                        .param("to", NOW.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].target").value("plan-D2.xlsx"));
    }

    @Test
    void pagesTheRows() throws Exception {
        String subject = actor();
        for (int minute = 1; minute <= 5; minute++) {
            append(subject, AuditAction.BACKFILL, "day " + minute, AuditEntry.Outcome.SUCCEEDED, NOW.plus(Duration.ofMinutes(minute)));
        }

        mvc.perform(get("/api/v1/audit").with(tokens.as(Role.ADMIN)).param("subject", subject).param("page", "1").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.entries[*].target", contains("day 3", "day 2")));
    }

    @Test
    void takesAFilterValueAsDataNeverAsSql() throws Exception {
        append(actor(), AuditAction.WITHDRAW, "route R1", AuditEntry.Outcome.SUCCEEDED, NOW);

        mvc.perform(get("/api/v1/audit").with(tokens.as(Role.ADMIN)).param("subject", "x' or '1'='1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void refusesAReversedTimeRangeAnUnknownActionAndAnOversizedPage() throws Exception {
        mvc.perform(get("/api/v1/audit").with(tokens.as(Role.ADMIN))
                        .param("from", NOW.toString()).param("to", NOW.minusSeconds(1).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/audit").with(tokens.as(Role.ADMIN)).param("action", "DROP_TABLE"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit").with(tokens.as(Role.ADMIN)).param("size", "501"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit").with(tokens.as(Role.ADMIN)).param("from", "yesterday"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void purgesOnlyRowsOlderThanTheRetentionOnH2() {
        String subject = actor();
        append(subject, AuditAction.RUN_START, "oldest", AuditEntry.Outcome.SUCCEEDED, NOW.minus(Duration.ofDays(3000)));
        append(subject, AuditAction.RUN_START, "just over", AuditEntry.Outcome.SUCCEEDED, NOW.minus(Duration.ofDays(2556)));
        append(subject, AuditAction.RUN_START, "just under", AuditEntry.Outcome.SUCCEEDED, NOW.minus(Duration.ofDays(2554)));

        log.purgeOlderThan(Instant.now().minus(AuditLog.RETENTION));

        assertThat(log.find(new AuditFilter(null, subject, null, null, null), 0, 10).entries())
                .extracting(AuditRecord::target).containsExactly("just under");
        assertThatThrownBy(() -> log.purgeOlderThan(Instant.now().minus(Duration.ofDays(2554))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String actor() {
        return "actor-" + UUID.randomUUID();
    }

    private void append(String subject, AuditAction action, String target, AuditEntry.Outcome outcome, Instant at) {
        log.append(new AuditEntry(at, subject, Set.of(Role.OPS.name()), action, target, "10.1.2.3", outcome, null));
    }
}
