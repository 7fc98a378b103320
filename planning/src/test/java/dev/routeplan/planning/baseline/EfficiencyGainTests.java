package dev.routeplan.planning.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.problem.DepotProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EfficiencyGainTests {

    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);
    private static final Depot OKHLA = new Depot("D1", "Okhla", new GeoPoint(28.5355, 77.2730), TimeWindow.of("00:00", "00:00"));

    /**
     * Worked by hand. The hand plan sends V1 (Rs 12/km, Rs 500 a day) 30 km for 4 orders and V2
     * (Rs 20/km, Rs 800) 25 km for 2: 500 + 12 x 30 = 860 and 800 + 20 x 25 = 1,300, Rs 2,160 for 6
     * orders, Rs 360.00 each. The optimised plan sends V1 40 km for 8 orders: 500 + 12 x 40 = Rs 980,
     * Rs 122.50 each; V2 stays at the depot (a route without stops), which costs nothing, as in the
     * solver's score. 1 - 122.5 / 360 = 65.97 % less per served order.
     */
    @Test
    void costsEachServedOrderAtEachUsedVehiclesFixedCostPlusItsKmAtItsRate() {
        DepotProblem problem = new DepotProblem(PLAN_DATE, OKHLA, List.of(vehicle("V1", 12, 500), vehicle("V2", 20, 800),
                vehicle("V3", 15, 600)), List.of(), Map.of());
        DepotPlan byHand = new DepotPlan("D1", List.of(route("V1", 30, 4), route("V2", 25, 2)), List.of());
        DepotPlan optimised = new DepotPlan("D1", List.of(route("V1", 40, 8), route("V2", 0, 0)), List.of());

        EfficiencyGain gain = EfficiencyGain.of(problem, byHand, optimised);

        assertThat(gain.baselineCost()).isCloseTo(2160.0, within(1e-9));
        assertThat(gain.optimisedCost()).isCloseTo(980.0, within(1e-9));
        assertThat(gain.baselineCostPerOrder()).isCloseTo(360.0, within(1e-9));
        assertThat(gain.optimisedCostPerOrder()).isCloseTo(122.5, within(1e-9));
        assertThat(gain.costPerOrderGain()).isCloseTo(1 - 122.5 / 360, within(1e-12));
        assertThat(gain.costRecorded()).isTrue();
        assertThat(gain.baselineServedOrders()).isEqualTo(6);
        assertThat(gain.optimisedServedOrders()).isEqualTo(8);
    }

    @Test
    void saysACostThatWasNotRecordedIsNotRecordedRatherThanFree() {
        EfficiencyGain stored = new EfficiencyGain(100, 80, 10, 10, EfficiencyGain.NOT_RECORDED, 900);

        assertThat(stored.costRecorded()).isFalse();
        assertThat(stored.baselineCostPerOrder()).isNaN();
        assertThat(stored.costPerOrderGain()).isNaN();
        assertThat(stored.kmPerOrderGain()).as("km figures stand on their own").isCloseTo(0.2, within(1e-12));
        assertThat(stored.plus(new EfficiencyGain(50, 40, 5, 5, 400, 300)).costRecorded()).isFalse();
        assertThatThrownBy(() -> new EfficiencyGain(1, 1, 1, 1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void measuresTheKmSavedAgainstTheBaseline() {
        EfficiencyGain gain = new EfficiencyGain(200, 150, 40, 40, 4000, 3000);

        assertThat(gain.totalKmGain()).isCloseTo(0.25, within(1e-12));
        assertThat(gain.kmPerOrderGain()).isCloseTo(0.25, within(1e-12));
        assertThat(gain.comparable()).isTrue();
        assertThat(gain.baselineKmPerOrder()).isCloseTo(5.0, within(1e-12));
        assertThat(gain.optimisedKmPerOrder()).isCloseTo(3.75, within(1e-12));
    }

    @Test
    void isNotComparableWhenTheBaselineServesFewerOrders() {
        EfficiencyGain gain = new EfficiencyGain(100, 120, 20, 30, 2000, 2400);

        assertThat(gain.comparable()).isFalse();
        assertThat(gain.totalKmGain()).isNegative();
        assertThat(gain.totalKmDifference()).isCloseTo(20, within(1e-12));
        // 4 km per order against 5: the plan that drives more km is the better one per order
        assertThat(gain.kmPerOrderGain()).isCloseTo(0.2, within(1e-12));
        // Rs 80 per order against 100: and costs more in all, but less per order
        assertThat(gain.costPerOrderGain()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void isZeroNotNanWhenNothingIsDriven() {
        EfficiencyGain nothing = new EfficiencyGain(0, 0, 0, 0, 0, 0);

        assertThat(nothing.totalKmGain()).isZero();
        assertThat(nothing.kmPerOrderGain()).isZero();
        assertThat(nothing.baselineKmPerOrder()).isZero();
        assertThat(nothing.optimisedKmPerOrder()).isZero();
        assertThat(nothing.costPerOrderGain()).isZero();
        assertThat(nothing.baselineCostPerOrder()).isZero();
        assertThatThrownBy(() -> new EfficiencyGain(Double.NaN, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsUpDepots() {
        EfficiencyGain total = new EfficiencyGain(100, 80, 10, 10, 1000, 900).plus(new EfficiencyGain(50, 40, 5, 6, 500, 450));

        assertThat(total).isEqualTo(new EfficiencyGain(150, 120, 15, 16, 1500, 1350));
    }

    private static Vehicle vehicle(String id, double costPerKm, double fixedCost) {
        return new Vehicle(id, "D1", VehicleClass.LGV, Fuel.CNG, EmissionNorm.BS6, LocalDate.of(2024, 1, 1), "DL", 3500, 2,
                1000, 10, TimeWindow.of("06:00", "22:00"), costPerKm, fixedCost, "DRV-" + id, LocalDate.of(2030, 1, 1),
                LocalDate.of(2030, 1, 1));
    }

    /** A route of {@code km} serving {@code orders} stops (times do not matter to its cost). */
    private static PlannedRoute route(String vehicleId, double km, int orders) {
        List<PlannedStop> stops = IntStream.rangeClosed(1, orders)
                .mapToObj(n -> new PlannedStop(n, vehicleId + "-O" + n, 0, 0, 0, 0, 0)).toList();
        return new PlannedRoute(vehicleId, "D1", 0, 0, km, stops);
    }
}
