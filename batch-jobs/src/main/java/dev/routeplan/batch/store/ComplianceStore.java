package dev.routeplan.batch.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One row per route and rule with its verdict and evidence, keyed so a re-check replaces, never duplicates. */
public class ComplianceStore {

    /** A verdict on one rule for one route, ready to store. */
    public record CheckRow(String vehicleId, String ruleId, String verdict, String severity, String message,
                           String evidenceJson, int grapStage) {
    }

    /** The rule pack a check was made against, so the proof names the exact rules used. */
    public record PackStamp(String id, String version, String sha256) {
    }

    private final JdbcClient jdbc;

    public ComplianceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(LocalDate planDate, String depotId, PackStamp pack, List<CheckRow> rows) {
        jdbc.sql("delete from compliance_checks where plan_date = ? and depot_id = ?").params(planDate, depotId).update();
        OffsetDateTime now = OffsetDateTime.now();
        for (CheckRow row : rows) {
            jdbc.sql("""
                    insert into compliance_checks (plan_date, vehicle_id, rule_id, depot_id, verdict, severity, message,
                        evidence_json, rule_pack_id, rule_pack_version, rule_pack_sha256, grap_stage, checked_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(planDate, row.vehicleId(), row.ruleId(), depotId, row.verdict(), row.severity(), row.message(),
                            row.evidenceJson(), pack.id(), pack.version(), pack.sha256(), row.grapStage(), now)
                    .update();
        }
    }

    /** Hard failures of a route, as "RULE-ID: message" lines, for the planner's manual-action list. */
    public List<String> hardFailures(LocalDate planDate, String vehicleId) {
        return jdbc.sql("""
                select rule_id, message from compliance_checks
                where plan_date = ? and vehicle_id = ? and verdict = 'FAIL' and severity = 'HARD' order by rule_id""")
                .params(planDate, vehicleId)
                .query((rs, row) -> rs.getString("rule_id") + ": " + rs.getString("message")).list();
    }

    /** A stored check, as the compliance report lists it. */
    public record StoredCheck(String depotId, String vehicleId, String ruleId, String verdict, String severity,
                              String message, String evidenceJson, int grapStage, java.time.Instant checkedAt) {
    }

    public List<StoredCheck> checks(LocalDate planDate) {
        return jdbc.sql("select * from compliance_checks where plan_date = ? order by depot_id, vehicle_id, rule_id")
                .param(planDate)
                .query((rs, n) -> new StoredCheck(rs.getString("depot_id"), rs.getString("vehicle_id"), rs.getString("rule_id"),
                        rs.getString("verdict"), rs.getString("severity"), rs.getString("message"),
                        rs.getString("evidence_json"), rs.getInt("grap_stage"),
                        rs.getObject("checked_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Check counts of the date by rule and verdict, optionally for one depot. */
    public java.util.Map<String, java.util.Map<String, Long>> countsByRule(LocalDate planDate, String depotId) {
        java.util.Map<String, java.util.Map<String, Long>> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                select rule_id, verdict, count(*) from compliance_checks
                where plan_date = ? and (cast(? as varchar(32)) is null or depot_id = ?) group by rule_id, verdict""")
                .params(planDate, depotId, depotId)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString(1), r -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return counts;
    }

    public long count(LocalDate planDate, String verdict) {
        return jdbc.sql("select count(*) from compliance_checks where plan_date = ? and verdict = ?")
                .params(planDate, verdict).query(Long.class).single();
    }
}
