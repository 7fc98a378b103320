package dev.routeplan.planning.compliance.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.compliance.pack.VehicleEligibility;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.problem.DepotProblems;
import dev.routeplan.planning.sample.Scenario;
import dev.routeplan.planning.sample.ScenarioGenerator;
import dev.routeplan.planning.sample.ScenarioSpec;
import dev.routeplan.planning.solver.RouteSolver;
import dev.routeplan.planning.solver.SolverSettings;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The solver and the independent verifier agree: on generated Delhi problems (seeded), every route
 * the solver plans passes every hard rule of the pack, and a violation injected into one of its
 * routes is caught.
 */
class SolverAgreesWithVerifierTests {

    static final RulePack PACK = RulePackLoader.load(Path.of("../config/rules/delhi.yaml"));
    static final TravelTimeProvider TRAVEL = HaversineTravelModel.delhiDefaults();
    static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);

    @ParameterizedTest(name = "seed {0}, GRAP stage {1}")
    @CsvSource({"1, 0", "2, 0", "3, 3", "4, 4"})
    void everyPlannedRouteIsLegalAndAnInjectedViolationIsCaught(long seed, int stage) {
        // given a generated one-depot problem, turned into solver inputs from the pack
        Scenario scenario = ScenarioGenerator.generate(new ScenarioSpec(seed, 40, 1, 6));
        Depot depot = scenario.depots().get(0);
        List<Vehicle> vehicles = scenario.fleet().stream()
                .filter(v -> new VehicleEligibility(PACK).check(v, PLAN_DATE).isEmpty()).toList();
        var problem = DepotProblems.forDepot(PACK, PLAN_DATE, stage, depot, vehicles, scenario.orders());

        // when
        DepotPlan plan = new RouteSolver(TRAVEL).solve(problem, SolverSettings.ofSeconds(1.5));

        // then
        ComplianceVerifier verifier = new ComplianceVerifier(PACK, TRAVEL);
        Map<String, Order> orders = scenario.orders().stream().collect(Collectors.toMap(Order::id, Function.identity()));
        Map<String, Vehicle> byId = vehicles.stream().collect(Collectors.toMap(Vehicle::id, Function.identity()));
        assertThat(plan.routes()).isNotEmpty().allSatisfy(route -> {
            RouteVerdict verdict = verifier.verify(review(stage, depot, byId.get(route.vehicleId()), route, orders));
            assertThat(verdict.failures()).as("hard failures of %s", route.vehicleId())
                    .filteredOn(RuleCheck::blocks).isEmpty();
        });

        PlannedRoute first = plan.routes().get(0);
        Order served = orders.get(first.stops().get(0).orderId());
        Map<String, Order> closedEarlier = new java.util.HashMap<>(orders);
        // closed before the vehicle arrives, so no wait can make it
        long start = first.stops().get(0).arrivalSeconds();
        closedEarlier.put(served.id(), withWindow(served, new TimeWindow(
                LocalTime.ofSecondOfDay(Math.floorMod(start - 3600, 86_400)), LocalTime.ofSecondOfDay(Math.floorMod(start - 1800, 86_400)))));
        RouteVerdict injected = verifier.verify(review(stage, depot, byId.get(first.vehicleId()), first, closedEarlier));
        assertThat(injected.blocked()).isTrue();
        assertThat(injected.failures()).extracting(RuleCheck::ruleId).contains("PLAN-TIME-WINDOW");
    }

    private static RouteUnderReview review(int stage, Depot depot, Vehicle vehicle, PlannedRoute route, Map<String, Order> orders) {
        List<Order> stopOrders = new ArrayList<>();
        for (PlannedStop stop : route.stops()) {
            stopOrders.add(orders.get(stop.orderId()));
        }
        return new RouteUnderReview(PLAN_DATE, stage, depot, vehicle, route, stopOrders);
    }

    private static Order withWindow(Order o, TimeWindow window) {
        return new Order(o.id(), o.customerName(), o.phone(), o.address(), o.pincode(), o.location(), o.weightKg(),
                o.volumeM3(), window, o.serviceMinutes(), o.priority(), o.depotId(), o.goodsType());
    }
}
