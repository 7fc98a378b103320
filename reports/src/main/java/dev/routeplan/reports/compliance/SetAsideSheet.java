package dev.routeplan.reports.compliance;

import dev.routeplan.reports.excel.Column;
import dev.routeplan.reports.excel.SheetTable;
import java.util.List;

/** Every vehicle that ran no published route, one row per reason, with the rule and its evidence. */
final class SetAsideSheet {

    static final String NAME = "Vehicles set aside";

    static final List<Column> COLUMNS = List.of(
            new Column("Depot", 12), new Column("Vehicle", 14), new Column("Class", 8), new Column("Fuel", 10),
            new Column("Norm", 6), new Column("Reg. state", 10), new Column("Registered", 12),
            new Column("PUC valid until", 14), new Column("Permit valid until", 16), new Column("Permit states", 14),
            new Column("Status", 14), new Column("Rule", 22), new Column("Evidence", 80));

    private SetAsideSheet() {
    }

    static void write(ComplianceReport report, SheetTable table) {
        table.header(COLUMNS);
        for (SetAsideVehicle v : report.setAside()) {
            table.row()
                    .text(v.depotId())
                    .text(v.vehicleId())
                    .text(v.vehicleClass())
                    .text(v.fuel())
                    .text(v.emissionNorm())
                    .text(v.registrationState())
                    .text(v.registrationDate())
                    .text(v.pucValidUntil())
                    .text(v.permitValidUntil())
                    .text(v.permitStates())
                    .text(v.status())
                    .text(v.ruleId())
                    .text(v.evidence());
        }
        table.finish();
    }
}
