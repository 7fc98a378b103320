package dev.routeplan.app.audit;

import dev.routeplan.app.PostgresSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.app.RouteplanApplication;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit log on the real PostgreSQL of this machine, in a schema of its own that
 * Flyway creates (with the trigger of migration 10.1) and the test drops afterwards.
 */
@SpringBootTest(classes = RouteplanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"routeplan.rule-pack=../config/rules/delhi.yaml", "logging.level.dev.routeplan=WARN"})
@ActiveProfiles("postgres")
class AuditLogOnPostgresIntegrationTests {

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
    AuditLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void refusesAnUpdate() {
        String subject = actor();
        append(subject, "run 1", Instant.now());

        assertThatThrownBy(() -> jdbc.sql("update audit_log set outcome = 'FAILED' where subject = ?").param(subject).update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("audit_log is append-only: UPDATE refused");
        assertThat(outcomes(subject)).containsExactly("SUCCEEDED");
    }

    @Test
    void refusesADeleteEvenOfARowPastTheRetention() {
        String subject = actor();
        append(subject, "run 2", Instant.now().minus(Duration.ofDays(3000)));

        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where subject = ?").param(subject).update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("audit_log is append-only: DELETE refused");
        assertThat(outcomes(subject)).hasSize(1);
    }

    @Test
    void refusesADeleteOfAYoungRowEvenWithThePurgeSettingOn() {
        String subject = actor();
        append(subject, "run 3", Instant.now().minus(Duration.ofDays(2554)));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("select set_config('routeplan.audit_purge', 'on', true)").query(String.class).single();
            jdbc.sql("delete from audit_log where subject = ?").param(subject).update();
        })).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(outcomes(subject)).hasSize(1);
    }

    @Test
    void refusesATruncate() {
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("audit_log is append-only: TRUNCATE refused");
    }

    @Test
    void purgesOnlyRowsOlderThan2555DaysAndOnlyInsideThePurge() {
        String subject = actor();
        Instant now = Instant.now();
        append(subject, "oldest", now.minus(Duration.ofDays(3000)));
        append(subject, "just over", now.minus(Duration.ofDays(2556)));
        append(subject, "just under", now.minus(Duration.ofDays(2554)));
        append(subject, "today", now);

        log.purgeOlderThan(now.minus(AuditLog.RETENTION));

        assertThat(targets(subject)).containsExactlyInAnyOrder("just under", "today");
        append(subject, "after the purge", now.minus(Duration.ofDays(3000)));
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where subject = ?").param(subject).update())
                .as("the purge's setting ended with its transaction")
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("select version from flyway_schema_history where version = '10.1' and success")
                .query(String.class).list()).containsExactly("10.1");
    }

    @Test
    void appendsATokenIssueOncePerTargetEvenWhenOfferedAgain() {
        String subject = actor();
        AuditEntry issued = new AuditEntry(Instant.now(), subject, Set.of("OPS"), AuditAction.TOKEN_ISSUE,
                "cli token " + UUID.randomUUID(), "local", AuditEntry.Outcome.SUCCEEDED, "printed by routeplan token");

        assertThat(log.appendOnce(issued)).isTrue();
        assertThat(log.appendOnce(issued)).isFalse();

        assertThat(targets(subject)).containsExactly(issued.target());
    }

    private static String actor() {
        return "actor-" + UUID.randomUUID();
    }

    private void append(String subject, String target, Instant at) {
        log.append(new AuditEntry(at, subject, Set.of("OPS"), AuditAction.RUN_START, target, "127.0.0.1",
                AuditEntry.Outcome.SUCCEEDED, null));
    }

    private java.util.List<String> outcomes(String subject) {
        return jdbc.sql("select outcome from audit_log where subject = ?").param(subject).query(String.class).list();
    }

    private java.util.List<String> targets(String subject) {
        return jdbc.sql("select target from audit_log where subject = ?").param(subject).query(String.class).list();
    }
}
