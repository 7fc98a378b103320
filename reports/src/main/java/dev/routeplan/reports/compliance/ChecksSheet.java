package dev.routeplan.reports.compliance;

import dev.routeplan.reports.excel.SheetTable;
import dev.routeplan.reports.excel.TableColumn;
import java.util.List;

/** Every check of every route, one row each: the rule with its version and legal source, evidence JSON verbatim. */
final class ChecksSheet {

    static final String NAME = "Checks";

    private ChecksSheet() {
    }

    static void write(ComplianceReport report, SheetTable table) {
        table.table(columns(report.rulePackId() + "@" + report.rulePackVersion()), RouteLine.of(report, RouteCompliance::checks));
    }

    /** The rule version is the pack's ({@code rulePack}, id@version), shown only for a rule the pack cites. */
    private static List<TableColumn<RouteLine<CheckLine>>> columns(String rulePack) {
        return RouteLine.columns(
                TableColumn.text("Rule", 22, r -> r.line().ruleId()),
                TableColumn.text("Rule version", 18, r -> r.line().source() == null || r.line().source().isEmpty() ? "" : rulePack),
                TableColumn.text("Legal source", 40, r -> r.line().source()), TableColumn.text("Title", 36, r -> r.line().title()),
                TableColumn.text("Verdict", 16, r -> r.line().verdict()), TableColumn.text("Severity", 10, r -> r.line().severity()),
                TableColumn.text("Message", 60, r -> r.line().message()),
                TableColumn.text("Evidence (JSON)", 80, r -> r.line().evidenceJson()));
    }
}
