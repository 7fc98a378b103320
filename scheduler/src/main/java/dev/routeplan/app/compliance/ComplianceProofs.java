package dev.routeplan.app.compliance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored verification of a date, read for the API: its figures, and one route's checks with their evidence. */
@Repository
public class ComplianceProofs {

    /** The pack and GRAP stage a date's checks were made against. */
    public record PackUsed(String id, String version, String sha256, int grapStage) {
    }

    /** A rule that failed, and on how many routes. */
    public record FailingRule(String ruleId, String severity, long routes) {
    }

    /** A route of the date and how it stands. */
    public record RouteStanding(String depotId, String vehicleId, String status, double distanceKm) {
    }

    /** A verification of the date, nightly or what-if, as {@code verification_audit} keeps it. */
    public record Verification(OffsetDateTime at, String startedBy, String mode, String rulePack, String grapStage,
                               String grapSource, int routesChecked, int routesPassed, int routesFailed, int routesWithdrawn) {
    }

    /** One stored check, its evidence as the verifier wrote it (JSON text). */
    public record StoredCheck(String ruleId, String verdict, String severity, String message, String evidenceJson,
                              OffsetDateTime checkedAt) {
    }

    private final JdbcClient jdbc;

    public ComplianceProofs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest date with a stored verification, where a page opens when no date is asked for. */
    public Optional<LocalDate> latestVerifiedDate() {
        return jdbc.sql("select plan_date from compliance_checks order by plan_date desc fetch first 1 rows only")
                .query(LocalDate.class).optional();
    }

    public List<PackUsed> packsUsed(LocalDate planDate) {
        return jdbc.sql("""
                        select distinct rule_pack_id, rule_pack_version, rule_pack_sha256, grap_stage from compliance_checks
                        where plan_date = ? order by rule_pack_id, rule_pack_version, grap_stage""")
                .param(planDate)
                .query((rs, n) -> new PackUsed(rs.getString(1), rs.getString(2), rs.getString(3).trim(), rs.getInt(4))).list();
    }

    public Map<String, Long> checksByVerdict(LocalDate planDate) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select verdict, count(*) from compliance_checks where plan_date = ? group by verdict order by verdict")
                .param(planDate).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    public List<FailingRule> failingRules(LocalDate planDate) {
        return jdbc.sql("""
                        select rule_id, severity, count(distinct vehicle_id) from compliance_checks
                        where plan_date = ? and verdict = 'FAIL' group by rule_id, severity order by rule_id, severity""")
                .param(planDate).query((rs, n) -> new FailingRule(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    public List<RouteStanding> routes(LocalDate planDate) {
        return jdbc.sql("select depot_id, vehicle_id, status, distance_km from routes where plan_date = ? order by depot_id, vehicle_id")
                .param(planDate).query((rs, n) -> new RouteStanding(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDouble(4))).list();
    }

    public Optional<RouteStanding> route(LocalDate planDate, String vehicleId) {
        return jdbc.sql("select depot_id, vehicle_id, status, distance_km from routes where plan_date = ? and vehicle_id = ?")
                .params(planDate, vehicleId).query((rs, n) -> new RouteStanding(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getDouble(4))).optional();
    }

    public List<StoredCheck> checks(LocalDate planDate, String vehicleId) {
        return jdbc.sql("""
                        select rule_id, verdict, severity, message, evidence_json, checked_at from compliance_checks
                        where plan_date = ? and vehicle_id = ? order by rule_id""")
                .params(planDate, vehicleId)
                .query((rs, n) -> new StoredCheck(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class))).list();
    }

    /** The date's verifications, latest first. */
    public List<Verification> verifications(LocalDate planDate) {
        return jdbc.sql("select * from verification_audit where plan_date = ? order by started_at desc, id desc").param(planDate)
                .query((rs, n) -> new Verification(rs.getObject("started_at", OffsetDateTime.class), rs.getString("started_by"),
                        rs.getString("mode"), rs.getString("rule_pack_id") + " " + rs.getString("rule_pack_version"),
                        rs.getString("grap_stage"), rs.getString("grap_source"), rs.getInt("routes_checked"),
                        rs.getInt("routes_passed"), rs.getInt("routes_failed"), rs.getInt("routes_withdrawn")))
                .list();
    }
}
