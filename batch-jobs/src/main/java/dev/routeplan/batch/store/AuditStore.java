package dev.routeplan.batch.store;

import dev.routeplan.planning.compliance.pack.RulePack;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail of verifications: who or what checked a plan, when, against which pack and stage. */
public class AuditStore {

    /** One verification of a plan date (or one depot of it). */
    public record Verification(LocalDate planDate, String startedBy, String mode, RulePack pack, String grapStage,
                               String grapSource, int routesChecked, int routesPassed, int routesFailed, int routesWithdrawn) {
    }

    private final JdbcClient jdbc;

    public AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Verification v) {
        jdbc.sql("""
                insert into verification_audit (plan_date, started_by, started_at, mode, rule_pack_id, rule_pack_version,
                    rule_pack_sha256, grap_stage, grap_source, routes_checked, routes_passed, routes_failed, routes_withdrawn)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.planDate(), v.startedBy(), OffsetDateTime.now(), v.mode(), v.pack().id(), v.pack().version(),
                        v.pack().sha256(), truncate(v.grapStage(), 64), truncate(v.grapSource(), 500), v.routesChecked(),
                        v.routesPassed(), v.routesFailed(), v.routesWithdrawn())
                .update();
    }

    public long count(LocalDate planDate) {
        return jdbc.sql("select count(*) from verification_audit where plan_date = ?").param(planDate)
                .query(Long.class).single();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
