package dev.routeplan.reports.compliance;

import dev.routeplan.reports.excel.Column;
import dev.routeplan.reports.excel.SheetTable;
import java.util.List;

/** Every check of every route, one row each: the rule with its version and legal source, evidence JSON verbatim. */
final class ChecksSheet {

    static final String NAME = "Checks";

    static final List<Column> COLUMNS = List.of(
            new Column("Depot", 12), new Column("Vehicle", 14), new Column("Route status", 12),
            new Column("Rule", 22), new Column("Rule version", 18), new Column("Legal source", 40),
            new Column("Title", 36), new Column("Verdict", 16),
            new Column("Severity", 10), new Column("Message", 60), new Column("Evidence (JSON)", 80));

    private ChecksSheet() {
    }

    static void write(ComplianceReport report, SheetTable table) {
        table.header(COLUMNS);
        for (DepotCompliance depot : report.depots()) {
            for (RouteCompliance route : depot.routes()) {
                for (CheckLine check : route.checks()) {
                    table.row()
                            .text(depot.depotId())
                            .text(route.vehicleId())
                            .text(route.status().name())
                            .text(check.ruleId())
                            .text(check.source() == null || check.source().isEmpty() ? ""
                                    : report.rulePackId() + "@" + report.rulePackVersion())
                            .text(check.source())
                            .text(check.title())
                            .text(check.verdict())
                            .text(check.severity())
                            .text(check.message())
                            .text(check.evidenceJson());
                }
            }
        }
        table.finish();
    }
}
