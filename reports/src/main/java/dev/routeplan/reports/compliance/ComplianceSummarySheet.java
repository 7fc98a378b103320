package dev.routeplan.reports.compliance;

import dev.routeplan.reports.excel.Column;
import dev.routeplan.reports.excel.SheetTable;
import java.util.List;

/** The run's facts (GRAP stage, rule pack, counts), then one line per rule with its verdict counts. */
final class ComplianceSummarySheet {

    static final String NAME = "Summary";

    private static final List<Column> RULE_COLUMNS = List.of(
            new Column("Rule", 22), new Column("Title", 44), new Column("Legal source", 60), new Column("PASS", 10),
            new Column("FAIL", 10), new Column("EXEMPT", 10), new Column("NOT_APPLICABLE", 16),
            new Column("NOT_EVALUATED", 16), new Column("CHARGE", 10), new Column("Total", 10));

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

        table.header(RULE_COLUMNS);
        for (RuleTally tally : report.ruleTallies()) {
            table.row()
                    .text(tally.ruleId())
                    .text(tally.title())
                    .text(tally.source())
                    .integer(tally.pass())
                    .integer(tally.fail())
                    .integer(tally.exempt())
                    .integer(tally.notApplicable())
                    .integer(tally.notEvaluated())
                    .integer(tally.charge())
                    .integer(tally.total());
        }
        table.finish();
    }
}
