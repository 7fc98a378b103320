package dev.routeplan.reports.compliance;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flattens a compliance report into the template's rows, in print order: the per-rule table,
 * then the blocked routes' failing checks, then each depot's routes. Each row says which band
 * prints it ({@code kind}) and which page group it belongs to, so the template holds no logic;
 * everything is formatted here. Sections with nothing to show get one row saying so.
 */
final class ComplianceRows {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);
    static final DateTimeFormatter CHECKED_AT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss 'IST'", Locale.ROOT);

    /** The summary pages (rule table, blocked routes) share one page group; each depot has its own. */
    private static final String SUMMARY_PAGES = "summary";

    private ComplianceRows() {
    }

    /** Template parameters; a mutable map because filling a report writes into it. */
    static Map<String, Object> parameters(ComplianceReport report) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("planDate", report.planDate() == null ? "" : DATE.format(report.planDate()));
        parameters.put("grapStage", text(report.grapStage()));
        parameters.put("grapSource", text(report.grapSource()));
        parameters.put("rulePack", text(report.rulePackId()) + " " + text(report.rulePackVersion()));
        parameters.put("rulePackSha256", text(report.rulePackSha256()));
        parameters.put("checkedAt", report.checkedAt() == null ? "" : CHECKED_AT.format(report.checkedAt().atZone(IST)));
        parameters.put("routesChecked", Integer.toString(report.routeCount()));
        parameters.put("routesPassed", Long.toString(report.passedRouteCount()));
        parameters.put("routesBlocked", Long.toString(report.blockedRouteCount()));
        parameters.put("exemptionsUsed", Long.toString(report.exemptionsUsed()));
        parameters.put("notEvaluated", Long.toString(report.notEvaluatedCount()));
        parameters.put("depotCount", Integer.toString(report.depots().size()));
        parameters.put("charges", Long.toString(report.chargeCount()));
        parameters.put("rulePackRecipe", text(report.rulePackHashRecipe()));
        parameters.put("rulePackFiles", String.join("\n", report.rulePackFiles()));
        parameters.put("travelModel", text(report.travelModel()));
        return parameters;
    }

    static List<Map<String, ?>> rows(ComplianceReport report) {
        List<Map<String, ?>> rows = new ArrayList<>();
        ruleRows(report, rows);
        blockedRows(report, rows);
        depotRows(report, rows);
        return rows;
    }

    private static void ruleRows(ComplianceReport report, List<Map<String, ?>> rows) {
        List<RuleTally> tallies = report.ruleTallies();
        if (tallies.isEmpty()) {
            rows.add(row("RULE", "NO_CHECKS", SUMMARY_PAGES, null));
        }
        for (RuleTally tally : tallies) {
            Map<String, Object> row = row("RULE", "RULE", SUMMARY_PAGES, null);
            row.put("ruleId", tally.ruleId());
            row.put("title", text(tally.title()));
            row.put("source", text(tally.source()));
            row.put("pass", Long.toString(tally.pass()));
            row.put("fail", Long.toString(tally.fail()));
            row.put("exempt", Long.toString(tally.exempt()));
            row.put("notApplicable", Long.toString(tally.notApplicable()));
            row.put("notEvaluated", Long.toString(tally.notEvaluated()));
            row.put("charge", Long.toString(tally.charge()));
            rows.add(row);
        }
    }

    private static void blockedRows(ComplianceReport report, List<Map<String, ?>> rows) {
        List<BlockedRoute> blocked = report.blockedRoutes();
        if (blocked.isEmpty()) {
            rows.add(row("BLOCKED", "NO_BLOCKED", SUMMARY_PAGES, null));
        }
        for (int i = 0; i < blocked.size(); i++) {
            DepotCompliance depot = blocked.get(i).depot();
            RouteCompliance route = blocked.get(i).route();
            String heading = text(route.vehicleId()) + " · " + text(route.vehicleClass()) + " · " + text(depot.depotName())
                    + " (" + text(depot.depotId()) + ") · " + text(route.status().name());
            List<CheckLine> failing = route.failingChecks();
            if (failing.isEmpty()) {
                Map<String, Object> row = row("BLOCKED", "BLOCKED_NO_FAIL", SUMMARY_PAGES, "blocked " + i);
                row.put("routeHeading", heading);
                rows.add(row);
            }
            for (CheckLine check : failing) {
                Map<String, Object> row = row("BLOCKED", "BLOCKED_CHECK", SUMMARY_PAGES, "blocked " + i);
                row.put("routeHeading", heading);
                row.put("ruleId", text(check.ruleId()));
                row.put("title", text(check.title()));
                row.put("source", check.source() == null || check.source().isEmpty() ? "(the plan's own check)"
                        : check.source() + " · " + text(report.rulePackId()) + "@" + text(report.rulePackVersion()));
                row.put("severity", text(check.severity()));
                row.put("verdict", text(check.verdict()));
                row.put("message", text(check.message()));
                row.put("evidence", check.evidenceJson() == null || check.evidenceJson().isBlank()
                        ? "(no evidence recorded)" : EvidenceJson.pretty(check.evidenceJson()));
                rows.add(row);
            }
            legRows(route, "blocked " + i, rows);
        }
    }

    /** The blocked route's legs, so the failing times can be redone by hand on paper. */
    private static void legRows(RouteCompliance route, String routeKey, List<Map<String, ?>> rows) {
        if (route.legs().isEmpty()) {
            return;
        }
        rows.add(row("BLOCKED", "BLOCKED_LEGS_HEAD", SUMMARY_PAGES, routeKey));
        for (LegLine leg : route.legs()) {
            Map<String, Object> row = row("BLOCKED", "BLOCKED_LEG", SUMMARY_PAGES, routeKey);
            row.put("legSeq", Integer.toString(leg.seq()));
            row.put("legFrom", text(leg.from()));
            row.put("legTo", text(leg.to()));
            row.put("legDepart", text(leg.depart()));
            row.put("legArrive", text(leg.arrive()));
            row.put("legPositions", text(leg.fromPosition()) + " -> " + text(leg.toPosition()));
            row.put("legKm", leg.km() == null ? "" : String.format(Locale.ROOT, "%.3f", leg.km()));
            rows.add(row);
        }
    }

    private static void depotRows(ComplianceReport report, List<Map<String, ?>> rows) {
        for (int d = 0; d < report.depots().size(); d++) {
            DepotCompliance depot = report.depots().get(d);
            String page = "depot " + d;
            Map<String, Object> facts = new HashMap<>();
            facts.put("depotHeading", "Depot " + text(depot.depotName()) + " (" + text(depot.depotId()) + ")");
            facts.put("depotSummary", String.format(Locale.ROOT,
                    "Routes checked %d · passed %d · blocked %d · exemptions used %d · checks not evaluated %d",
                    depot.routes().size(), depot.passedRouteCount(), depot.blockedRoutes().size(),
                    depot.count(CheckLine.EXEMPT), depot.count(CheckLine.NOT_EVALUATED)));
            if (depot.routes().isEmpty()) {
                Map<String, Object> row = row("DEPOT", "DEPOT_EMPTY", page, null);
                row.putAll(facts);
                rows.add(row);
            }
            for (RouteCompliance route : depot.routes()) {
                Map<String, Object> row = row("DEPOT", "DEPOT_ROUTE", page, null);
                row.putAll(facts);
                row.put("vehicleId", text(route.vehicleId()));
                row.put("vehicleClass", text(route.vehicleClass()));
                row.put("status", text(route.status().name()));
                row.put("checks", Integer.toString(route.checks().size()));
                row.put("pass", Long.toString(route.count(CheckLine.PASS)));
                row.put("fail", Long.toString(route.count(CheckLine.FAIL)));
                row.put("exempt", Long.toString(route.count(CheckLine.EXEMPT)));
                row.put("notEvaluated", Long.toString(route.count(CheckLine.NOT_EVALUATED)));
                rows.add(row);
            }
        }
    }

    private static Map<String, Object> row(String section, String kind, String page, String routeKey) {
        Map<String, Object> row = new HashMap<>();
        row.put("section", section);
        row.put("kind", kind);
        row.put("page", page);
        row.put("routeKey", routeKey == null ? section : routeKey);
        return row;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
