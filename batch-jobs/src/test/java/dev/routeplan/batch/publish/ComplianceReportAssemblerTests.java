package dev.routeplan.batch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.batch.store.ComplianceStore.StoredCheck;
import dev.routeplan.batch.store.FleetStore.FleetVehicle;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.RouteStatus;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.reports.compliance.SetAsideVehicle;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Which vehicles {@code vehicles-set-aside.csv} lists, and why: the rows an officer reads. */
class ComplianceReportAssemblerTests {

    private static final LocalDate DEC_04_2026 = LocalDate.of(2026, 12, 4);

    private final ComplianceReportAssembler assembler = new ComplianceReportAssembler(null, null, null, null,
            RulePackLoader.load(Path.of("../config/rules/delhi.yaml")), JsonMapper.builder().build());

    private static Vehicle vehicle(String id) {
        return new Vehicle(id, "D1", VehicleClass.LGV, Fuel.DIESEL, EmissionNorm.BS4, LocalDate.of(2014, 3, 17), "DL",
                3450, 2, 2100, 10.5, TimeWindow.of("08:00", "20:00"), 15, 1400, "DRV1", null, LocalDate.of(2029, 10, 29),
                List.of("DL"));
    }

    @Test
    void listsAVehicleSetAsideOnceForEachRuleThatGroundedIt() {
        // the PUC detail itself contains "; ", so only "; " before a rule id of the pack starts a new reason
        String reason = "DL-AGE-DIESEL-10Y: DIESEL vehicle registered 2014-03-17 reaches 10 years on 2024-03-17: may not"
                + " ply from 00:00 IST; DL-DOC-PUC: no PUC on record; needed from 2015-03-17 (12 months after registration)";

        List<SetAsideVehicle> rows = assembler.setAside(List.of(new FleetVehicle(vehicle("DL13LLG9694"), reason)),
                Map.of(), Map.of(), DEC_04_2026, 1);

        assertThat(rows).extracting(SetAsideVehicle::ruleId).containsExactly("DL-AGE-DIESEL-10Y", "DL-DOC-PUC");
        assertThat(rows).allSatisfy(r -> assertThat(r.status()).isEqualTo(SetAsideVehicle.Status.SET_ASIDE));
        assertThat(rows.get(0).evidence()).isEqualTo("DIESEL vehicle registered 2014-03-17 reaches 10 years on 2024-03-17:"
                + " may not ply from 00:00 IST");
        assertThat(rows.get(1).evidence()).isEqualTo("no PUC on record; needed from 2015-03-17 (12 months after registration)");
        assertThat(rows.get(0).registrationDate()).isEqualTo("2014-03-17");
        assertThat(rows.get(0).pucValidUntil()).as("not on record").isEmpty();
    }

    @Test
    void saysWhichGrapBanKeptAnUnusedVehicleOffTheRoadAllDay() {
        // a BS-IV diesel LGV (4 wheels) may not ply at GRAP III and above
        List<SetAsideVehicle> atStageThree = assembler.setAside(List.of(new FleetVehicle(recent("C"), null)), Map.of(),
                Map.of(), DEC_04_2026, 3);
        List<SetAsideVehicle> atStageOne = assembler.setAside(List.of(new FleetVehicle(recent("C"), null)), Map.of(),
                Map.of(), DEC_04_2026, 1);

        assertThat(atStageThree).extracting(SetAsideVehicle::status, SetAsideVehicle::ruleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SetAsideVehicle.Status.NO_ROUTE, "DL-GRAP3-LMV-BS3P-BS4D"));
        assertThat(atStageThree.get(0).evidence()).contains("GRAP stage 3");
        assertThat(atStageOne).extracting(SetAsideVehicle::ruleId).containsExactly("");
    }

    /** Registered 2020, so no age limit has come: only GRAP can keep it off the road. */
    private static Vehicle recent(String id) {
        Vehicle v = vehicle(id);
        return new Vehicle(v.id(), v.depotId(), v.vehicleClass(), v.fuel(), v.emissionNorm(), LocalDate.of(2020, 1, 1),
                v.registrationState(), v.gvwKg(), v.axles(), v.capacityKg(), v.capacityM3(), v.shift(), v.costPerKm(),
                v.fixedCost(), v.driverId(), LocalDate.of(2027, 1, 1), v.permitValidUntil(), v.permitStates());
    }

    @Test
    void citesTheEccsLegalSourceLikeARules() {
        StoredCheck ecc = new StoredCheck("D1", "HR55AB0001", "DL-ECC", "CHARGE", "WARNING", "ECC Rs 4000", "{}", 1,
                Instant.EPOCH);
        StoredCheck puc = new StoredCheck("D1", "HR55AB0001", "DL-DOC-PUC", "PASS", "HARD", "route ends in time", "{}", 1,
                Instant.EPOCH);

        assertThat(assembler.line(ecc).source()).startsWith("SC orders in MC Mehta v UoI").endsWith("E3b, E4a]");
        assertThat(assembler.line(ecc).title()).contains("a cost, not a ban");
        assertThat(assembler.line(puc).source()).isEqualTo("CMVR 1989 r.115(7) [O6a, G9]");
    }

    @Test
    void listsABlockedRouteByItsHardFailuresAndAnUnusedVehicleAsNoRoute() {
        StoredCheck fail = new StoredCheck("D1", "B", "DL-NOENTRY-HGV", "FAIL", "HARD", "on a road in DELHI_NCT 07:00",
                "{}", 1, Instant.EPOCH);
        StoredCheck warning = new StoredCheck("D1", "B", "DL-RFID-TAG", "FAIL", "WARNING", "no RFID", "{}", 1, Instant.EPOCH);
        StoredCheck pass = new StoredCheck("D1", "B", "DL-GVW", "PASS", "HARD", "within", "{}", 1, Instant.EPOCH);

        List<SetAsideVehicle> rows = assembler.setAside(
                List.of(new FleetVehicle(vehicle("A"), null), new FleetVehicle(vehicle("B"), null),
                        new FleetVehicle(vehicle("C"), null)),
                Map.of("A", RouteStatus.PASSED, "B", RouteStatus.BLOCKED), Map.of("B", List.of(fail, warning, pass)),
                DEC_04_2026, 1);

        assertThat(rows).extracting(SetAsideVehicle::vehicleId, SetAsideVehicle::status, SetAsideVehicle::ruleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("B", SetAsideVehicle.Status.ROUTE_BLOCKED, "DL-NOENTRY-HGV"),
                        org.assertj.core.groups.Tuple.tuple("C", SetAsideVehicle.Status.NO_ROUTE, ""));
    }
}
