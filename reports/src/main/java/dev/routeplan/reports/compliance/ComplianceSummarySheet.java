package dev.routeplan.reports.compliance;

import dev.routeplan.reports.excel.SheetTable;
import dev.routeplan.reports.excel.TableColumn;
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
        SheetTable.Cells planDate = table.row().text("Plan date");
        if (report.planDate() != null) {
            planDate.date(report.planDate());
        }
        table.row().text("GRAP stage").text(report.grapStage());
        table.row().text("GRAP source").text(report.grapSource());
        table.row().text("Rule pack").text(report.rulePackId());
        table.row().text("Rule pack version").text(report.rulePackVersion());
        table.row().text("Rule pack SHA-256").text(report.rulePackSha256());
        if (report.rulePackHashRecipe() != null) {
            table.row().text("How the SHA-256 is made").text(report.rulePackHashRecipe());
        }
        for (String file : report.rulePackFiles()) {
            table.row().text("Rule pack file (sha256sum)").text(file);
        }
        if (report.travelModel() != null) {
            table.row().text("Travel model").text(report.travelModel());
        }
        SheetTable.Cells checkedAt = table.row().text("Checked at (IST)");
        if (report.checkedAt() != null) {
            checkedAt.dateTime(report.checkedAt().atZone(ComplianceRows.IST).toLocalDateTime());
        }
        table.row().text("Depots").integer(report.depots().size());
        table.row().text("Routes checked").integer(report.routeCount());
        table.row().text("Routes passed").integer(report.passedRouteCount());
        table.row().text("Routes blocked").integer(report.blockedRouteCount());
        table.row().text("Exemptions used").integer(report.exemptionsUsed());
        table.row().text("Checks not evaluated").integer(report.notEvaluatedCount());
        table.row().text("Charges (ECC)").integer(report.chargeCount());
        table.row().text("Vehicles not run").integer(report.setAside().stream().map(SetAsideVehicle::vehicleId).distinct().count());
        table.row().text("Checks").integer(report.checks().size());
        table.skipRow();

        table.table(RULE_COLUMNS, report.ruleTallies());
    }
}
