package dev.routeplan.reports.compliance;

import dev.routeplan.reports.excel.SheetTable;
import dev.routeplan.reports.excel.TableColumn;
import java.util.List;

/** Every vehicle that ran no published route, one row per reason, with the rule and its evidence. */
final class SetAsideSheet {

    static final String NAME = "Vehicles set aside";

    private static final List<TableColumn<SetAsideVehicle>> COLUMNS = List.of(
            TableColumn.text("Depot", 12, SetAsideVehicle::depotId), TableColumn.text("Vehicle", 14, SetAsideVehicle::vehicleId),
            TableColumn.text("Class", 8, SetAsideVehicle::vehicleClass), TableColumn.text("Fuel", 10, SetAsideVehicle::fuel),
            TableColumn.text("Norm", 6, SetAsideVehicle::emissionNorm),
            TableColumn.text("Reg. state", 10, SetAsideVehicle::registrationState),
            TableColumn.text("Registered", 12, SetAsideVehicle::registrationDate),
            TableColumn.text("PUC valid until", 14, SetAsideVehicle::pucValidUntil),
            TableColumn.text("Permit valid until", 16, SetAsideVehicle::permitValidUntil),
            TableColumn.text("Permit states", 14, SetAsideVehicle::permitStates),
            TableColumn.text("Status", 14, v -> v.status().name()), TableColumn.text("Rule", 22, SetAsideVehicle::ruleId),
            TableColumn.text("Evidence", 80, SetAsideVehicle::evidence));

    private SetAsideSheet() {
    }

    static void write(ComplianceReport report, SheetTable table) {
        table.table(COLUMNS, report.setAside());
    }
}
