package dev.routeplan.reports.compliance;

import dev.routeplan.reports.excel.SheetFact;
import dev.routeplan.reports.excel.SheetTable;
import dev.routeplan.reports.excel.TableColumn;
import java.util.ArrayList;
import java.util.List;

/** The run's facts (GRAP stage, rule pack, counts), then one line per rule with its verdict counts. */
final class ComplianceSummarySheet {

    static final String NAME = "Summary";

    private static final List<TableColumn<RuleTally>> RULE_COLUMNS = List.of(
            TableColumn.text("Rule", 22, RuleTally::ruleId), TableColumn.text("Title", 44, RuleTally::title),
            TableColumn.text("Legal source", 60, RuleTally::source), TableColumn.integer("PASS", 10, RuleTally::pass),
            TableColumn.integer("FAIL", 10, RuleTally::fail), TableColumn.integer("EXEMPT", 10, RuleTally::exempt),
            TableColumn.integer("NOT_APPLICABLE", 16, RuleTally::notApplicable),
            TableColumn.integer("NOT_EVALUATED", 16, RuleTally::notEvaluated),
            TableColumn.integer("CHARGE", 10, RuleTally::charge), TableColumn.integer("Total", 10, RuleTally::total));

    private ComplianceSummarySheet() {
    }

    static void write(ComplianceReport report, SheetTable table) {
        List<SheetFact> facts = new ArrayList<>(List.of(
                SheetFact.date("Plan date", report.planDate()),
                SheetFact.text("GRAP stage", report.grapStage()),
                SheetFact.text("GRAP source", report.grapSource()),
                SheetFact.text("Rule pack", report.rulePackId()),
                SheetFact.text("Rule pack version", report.rulePackVersion()),
                SheetFact.text("Rule pack SHA-256", report.rulePackSha256())));
        if (report.rulePackHashRecipe() != null) {
            facts.add(SheetFact.text("How the SHA-256 is made", report.rulePackHashRecipe()));
        }
        for (String file : report.rulePackFiles()) {
            facts.add(SheetFact.text("Rule pack file (sha256sum)", file));
        }
        if (report.travelModel() != null) {
            facts.add(SheetFact.text("Travel model", report.travelModel()));
        }
        facts.addAll(List.of(
                SheetFact.dateTime("Checked at (IST)", report.checkedAt() == null ? null
                        : report.checkedAt().atZone(ComplianceRows.IST).toLocalDateTime()),
                SheetFact.integer("Depots", report.depots().size()),
                SheetFact.integer("Routes checked", report.routeCount()),
                SheetFact.integer("Routes passed", report.passedRouteCount()),
                SheetFact.integer("Routes blocked", report.blockedRouteCount()),
                SheetFact.integer("Exemptions used", report.exemptionsUsed()),
                SheetFact.integer("Checks not evaluated", report.notEvaluatedCount()),
                SheetFact.integer("Charges (ECC)", report.chargeCount()),
                SheetFact.integer("Vehicles not run",
                        report.setAside().stream().map(SetAsideVehicle::vehicleId).distinct().count()),
                SheetFact.integer("Checks", report.checks().size())));
        table.facts(facts);

        table.table(RULE_COLUMNS, report.ruleTallies());
    }
}
