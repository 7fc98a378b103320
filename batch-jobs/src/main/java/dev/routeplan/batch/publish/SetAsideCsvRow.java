package dev.routeplan.batch.publish;

import dev.routeplan.reports.compliance.SetAsideVehicle;
import java.util.List;

/** A vehicle that ran no published route, one row per reason, as {@code vehicles-set-aside.csv} lists it. */
record SetAsideCsvRow(SetAsideVehicle v) implements CsvRow {

    static final List<String> HEADER = List.of("depot_id", "vehicle_id", "vehicle_class", "fuel", "emission_norm",
            "registration_state", "registration_date", "puc_valid_until", "permit_valid_until", "permit_states", "status",
            "rule_id", "evidence");

    @Override
    public List<Object> fields() {
        return List.of(v.depotId(), v.vehicleId(), v.vehicleClass(), v.fuel(), v.emissionNorm(), v.registrationState(),
                v.registrationDate(), v.pucValidUntil(), v.permitValidUntil(), v.permitStates(), v.status().name(), v.ruleId(),
                v.evidence());
    }
}
