package dev.routeplan.batch.optimise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.problem.DepotProblems;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A vehicle the optimise step leaves without a route because the pack lets
 * it carry essential goods only gets that reason, which the step records with the vehicles set aside.
 */
class UnusedVehicleReasonsTests {

    private static final RulePack PACK = RulePackLoader.load(Path.of("../config/rules/delhi.yaml"));
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Depot OKHLA = new Depot("D1", "Okhla", new GeoPoint(28.5355, 77.2730), TimeWindow.of("00:00", "00:00"));
    private static final Vehicle BS4_TRUCK = vehicle("DL1GB0004", EmissionNorm.BS4);
    private static final Vehicle BS6_TRUCK = vehicle("DL1GB0006", EmissionNorm.BS6);
    private static final Order SOFA = new Order("SOFA-1", "Customer", "", "Delhi", "110019", new GeoPoint(28.539, 77.259),
            500, 1, TimeWindow.of("23:00", "05:00"), 20, 3, "D1", "FURNITURE");

    @Test
    void anUnusedTruckBarredAtGrapFourExceptForEssentialGoodsIsRecordedWithTheRuleAndTheGoodsList() {
        DepotProblem problem = DepotProblems.forDepot(PACK, DAY, 4, OKHLA, List.of(BS4_TRUCK, BS6_TRUCK), List.of(SOFA));
        DepotPlan plan = new DepotPlan("D1", List.of(new PlannedRoute(BS6_TRUCK.id(), "D1", 0, 0, 0, List.of())), List.of());

        assertThat(OptimiseDepotTasklet.unusedVehicleReasons(problem, plan)).containsOnlyKeys(BS4_TRUCK.id())
                .hasEntrySatisfying(BS4_TRUCK.id(), reason -> assertThat(reason)
                        .startsWith("not used: essential goods only: DL-GRAP4-DL-DIESEL-MGV-HGV")
                        .contains("milk"));
    }

    @Test
    void atALowerStageNothingIsRecorded() {
        DepotProblem problem = DepotProblems.forDepot(PACK, DAY, 2, OKHLA, List.of(BS4_TRUCK), List.of(SOFA));

        assertThat(OptimiseDepotTasklet.unusedVehicleReasons(problem, new DepotPlan("D1", List.of(), List.of()))).isEmpty();
    }

    private static Vehicle vehicle(String id, EmissionNorm norm) {
        return new Vehicle(id, "D1", VehicleClass.HGV, Fuel.DIESEL, norm, LocalDate.of(2020, 1, 1), "DL", 16_000, 2,
                8_000, 40, TimeWindow.of("23:00", "07:00"), 40, 3_000, "DRV-" + id, LocalDate.of(2030, 1, 1),
                LocalDate.of(2030, 1, 1));
    }
}
