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
        return new CheckLine(ruleId, title, NO_ENTRY.equals(ruleId) ? NO_ENTRY_SOURCE : "", verdict, CheckLine.HARD,
                message, evidence);
    }

    // ---- everything an officer needs to redo a verdict ----

    static final String NO_ENTRY_SOURCE = "GNCTD notification u/s 115 MV Act, goods-vehicle timings [S3, S4, S5]";
    static final String ECC = "DL-ECC";
    static final String HASH_RECIPE = "SHA-256 of the pack's manifest (sha256sum lines)";
    static final List<String> PACK_FILES = List.of(
            "1111111111111111111111111111111111111111111111111111111111111111  delhi.yaml",
            "2222222222222222222222222222222222222222222222222222222222222222  zones/delhi-nct.geojson");
    static final String TRAVEL_MODEL = "haversine: great-circle km x circuity 1.35, HGV=33 km/h at 23:00";
    static final LegLine OUT = new LegLine(1, "depot DEL-OKH", "ORD-7", "2025-11-14T21:30+05:30",
            "2025-11-14T21:40+05:30", "28.5355,77.273", "28.5677,77.2433", 5.512);
    static final LegLine BACK = new LegLine(2, "ORD-7", "depot DEL-OKH", "2025-11-14T22:10+05:30",
            "2025-11-14T22:20+05:30", "28.5677,77.2433", "28.5355,77.273", 5.512);
    static final SetAsideVehicle OLD_DIESEL = new SetAsideVehicle(OKHLA, "DL13LLG9694", "LGV", "DIESEL", "BS4", "DL",
            "2014-03-17", "2027-07-11", "2029-10-29", "DL", SetAsideVehicle.Status.SET_ASIDE, "DL-AGE-DIESEL-10Y",
            "DIESEL vehicle registered 2014-03-17 reaches 10 years on 2024-03-17: may not ply from 00:00 IST");
    static final SetAsideVehicle SPARE_VAN = new SetAsideVehicle(NARELA, "DL1LSP0001", "LGV", "CNG", "BS6", "DL",
            "2023-01-01", "2027-01-01", "2029-01-01", "DL", SetAsideVehicle.Status.NO_ROUTE, "", "eligible, but the plan gave it no route");

    /** The blocked truck with its legs and an ECC charge, the travel model, the pack's recipe and two idle vehicles. */
    static ComplianceReport withEverythingToRedoAVerdict() {
        RouteCompliance truck = new RouteCompliance(BLOCKED_TRUCK, "HGV", RouteStatus.BLOCKED, List.of(
                check(NO_ENTRY, "No-entry hours for HGVs", CheckLine.FAIL,
                        "Enters the no-entry zone before its window closes", NO_ENTRY_EVIDENCE),
                new CheckLine(ECC, ECC, "", CheckLine.CHARGE, CheckLine.WARNING, "ECC Rs 4000 (three_axle_plus)",
                        "{\"amount_inr\":4000}")), List.of(OUT, BACK));
        return new ComplianceReport(PLAN_DATE, "IV", GRAP_SOURCE, RULE_PACK, RULE_PACK_VERSION, RULE_PACK_SHA256,
                CHECKED_AT, List.of(new DepotCompliance(OKHLA, "Okhla Phase II Depot", List.of(truck))), HASH_RECIPE,
                PACK_FILES, TRAVEL_MODEL, List.of(OLD_DIESEL, SPARE_VAN));
    }

    private static CheckLine warning(String ruleId, String title, String verdict, String message, String evidence) {
        return new CheckLine(ruleId, title, verdict, CheckLine.WARNING, message, evidence);
    }
}
