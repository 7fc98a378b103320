package dev.routeplan.reports.compliance;

import dev.routeplan.planning.domain.RouteStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Named compliance runs for report tests, on the GRAP night of 14-11-2025 when the stage went
 * from II to IV at 20:00. Okhla's night HGV is blocked by the daytime no-entry rule; Narela's
 * milk truck passes through the essential-goods exemption; the permit registry did not answer
 * for two routes, so those checks were not evaluated.
 */
final class ComplianceReportFixtures {

    static final LocalDate PLAN_DATE = LocalDate.of(2025, 11, 14);
    static final String GRAP_STAGE = "II→IV at 20:00";
    static final String GRAP_SOURCE = "CAQM order 14-11-2025 19:05, caqm.nic.in";
    static final String RULE_PACK = "DELHI-GOODS";
    static final String RULE_PACK_VERSION = "2025.11.3";
    static final String RULE_PACK_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    /** 21:30:15 IST. */
    static final Instant CHECKED_AT = Instant.parse("2025-11-14T16:00:15Z");

    static final String OKHLA = "DEL-OKH";
    static final String NARELA = "DEL-NRL";
    static final String DAY_VAN = "DL1LAB1234";
    static final String BLOCKED_TRUCK = "HR55AB9876";
    static final String MILK_TRUCK = "DL1GC0007";

    static final String NO_ENTRY = "DL-NOENTRY-HGV";
    static final String GRAP_DIESEL = "GRAP-IV-BS4-DIESEL";
    static final String PERMIT = "DL-PERMIT-REGISTRY";

    static final String BLOCKED_AT = "2025-11-14T21:40:00+05:30";
    static final String NO_ENTRY_EVIDENCE = "{\"segment\":\"Ring Road, Ashram Chowk to Moolchand\",\"enteredAt\":\""
            + BLOCKED_AT + "\",\"window\":{\"from\":\"07:00\",\"to\":\"23:00\"},\"vehicleClass\":\"HGV\",\"permits\":[]}";
    static final String EXEMPTION_EVIDENCE = "{\"exemption\":\"ESSENTIAL_GOODS\",\"goods\":\"milk\",\"enteredAt\":"
            + "\"2025-11-14T22:10:00+05:30\"}";
    /** What the verifier wrote when the permit registry timed out; it looks like a formula. */
    static final String REGISTRY_DOWN = "=registry timeout after 5 s; permit not checked";

    private ComplianceReportFixtures() {
    }

    /** Two depots, three routes, nine checks: one route BLOCKED, one EXEMPT, two NOT_EVALUATED. */
    static ComplianceReport grapNightWithABlockedTruck() {
        return new ComplianceReport(PLAN_DATE, GRAP_STAGE, GRAP_SOURCE, RULE_PACK, RULE_PACK_VERSION, RULE_PACK_SHA256,
                CHECKED_AT, List.of(okhla(), narela()));
    }

    static ComplianceReport withoutDepots() {
        return new ComplianceReport(PLAN_DATE, "IV", GRAP_SOURCE, RULE_PACK, RULE_PACK_VERSION, RULE_PACK_SHA256,
                CHECKED_AT, List.of());
    }

    static ComplianceReport withAnIdleDepot() {
        return new ComplianceReport(PLAN_DATE, "IV", GRAP_SOURCE, RULE_PACK, RULE_PACK_VERSION, RULE_PACK_SHA256,
                CHECKED_AT, List.of(new DepotCompliance(OKHLA, "Okhla Phase II Depot", List.of())));
    }

    /** A blocked truck whose evidence carries a long encoded polyline: one "word" wider than the page. */
    static ComplianceReport withLongEvidence(int polylineChars) {
        StringBuilder polyline = new StringBuilder();
        for (int i = 0; polyline.length() < polylineChars; i++) {
            polyline.append((char) ('a' + i % 26));
        }
        String evidence = "{\"polyline\":\"" + polyline + "END\",\"enteredAt\":\"" + BLOCKED_AT + "\"}";
        RouteCompliance truck = new RouteCompliance(BLOCKED_TRUCK, "HGV", RouteStatus.BLOCKED, List.of(
                check(NO_ENTRY, "No-entry hours for HGVs", CheckLine.FAIL, "Enters the no-entry zone", evidence)));
        return new ComplianceReport(PLAN_DATE, "IV", GRAP_SOURCE, RULE_PACK, RULE_PACK_VERSION, RULE_PACK_SHA256,
                CHECKED_AT, List.of(new DepotCompliance(OKHLA, "Okhla Phase II Depot", List.of(truck))));
    }

    static DepotCompliance okhla() {
        RouteCompliance van = new RouteCompliance(DAY_VAN, "LGV", RouteStatus.PASSED, List.of(
                check(NO_ENTRY, "No-entry hours for HGVs", CheckLine.NOT_APPLICABLE, "Not an HGV", null),
                check(GRAP_DIESEL, "GRAP IV: no BS-IV diesel goods vehicles", CheckLine.PASS, "CNG, BS6", "{\"fuel\":\"CNG\"}"),
                check(PERMIT, "Entry permit on record", CheckLine.PASS, "Permit DLP-2025-118 valid", "{\"permit\":\"DLP-2025-118\"}")));
        RouteCompliance truck = new RouteCompliance(BLOCKED_TRUCK, "HGV", RouteStatus.BLOCKED, List.of(
                check(NO_ENTRY, "No-entry hours for HGVs", CheckLine.FAIL,
                        "Enters the no-entry zone before its window closes", NO_ENTRY_EVIDENCE),
                check(GRAP_DIESEL, "GRAP IV: no BS-IV diesel goods vehicles", CheckLine.PASS, "Diesel, BS6", "{\"fuel\":\"DIESEL\"}"),
                warning(PERMIT, "Entry permit on record", CheckLine.NOT_EVALUATED, REGISTRY_DOWN, null)));
        return new DepotCompliance(OKHLA, "Okhla Phase II Depot", List.of(van, truck));
    }

    static DepotCompliance narela() {
        RouteCompliance milk = new RouteCompliance(MILK_TRUCK, "HGV", RouteStatus.PASSED, List.of(
                check(NO_ENTRY, "No-entry hours for HGVs", CheckLine.EXEMPT, "Exempt: ESSENTIAL_GOODS (milk)",
                        EXEMPTION_EVIDENCE),
                check(GRAP_DIESEL, "GRAP IV: no BS-IV diesel goods vehicles", CheckLine.PASS, "CNG, BS6", "{\"fuel\":\"CNG\"}"),
                warning(PERMIT, "Entry permit on record", CheckLine.NOT_EVALUATED, REGISTRY_DOWN, null)));
        return new DepotCompliance(NARELA, "Narela Depot", List.of(milk));
    }

    private static CheckLine check(String ruleId, String title, String verdict, String message, String evidence) {
        return new CheckLine(ruleId, title, verdict, CheckLine.HARD, message, evidence);
    }

    private static CheckLine warning(String ruleId, String title, String verdict, String message, String evidence) {
        return new CheckLine(ruleId, title, verdict, CheckLine.WARNING, message, evidence);
    }
}
