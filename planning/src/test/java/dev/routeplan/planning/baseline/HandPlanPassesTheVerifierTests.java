package dev.routeplan.planning.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.compliance.pack.VehicleEligibility;
import dev.routeplan.planning.compliance.verify.ComplianceVerifier;
import dev.routeplan.planning.compliance.verify.RouteUnderReview;
import dev.routeplan.planning.compliance.verify.RuleCheck;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.problem.DepotProblems;
import dev.routeplan.planning.sample.Scenario;
import dev.routeplan.planning.sample.ScenarioGenerator;
import dev.routeplan.planning.sample.ScenarioSpec;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand plan keeps the solver's rules, and so passes the independent verifier: on generated
 * Delhi depots, at GRAP stages 0, 3 and 4, no hand-planned route has a hard failure.
 */
class HandPlanPassesTheVerifierTests {

    static final RulePack PACK = RulePackLoader.load(Path.of("../config/rules/delhi.yaml"));
    static final TravelTimeProvider TRAVEL = HaversineTravelModel.delhiDefaults();
    static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);

    @ParameterizedTest(name = "seed {0}, GRAP stage {1}, {2} orders")
    @CsvSource({"1, 0, 60", "2, 0, 200", "3, 3, 60", "4, 3, 200", "5, 4, 60", "6, 4, 200"})
    void everyHandPlannedRoutePassesTheVerifier(long seed, int stage, int orders) {
        Scenario scenario = ScenarioGenerator.generate(new ScenarioSpec(seed, orders, 1, 12));
        Depot depot = scenario.depots().get(0);
        List<Vehicle> vehicles = scenario.fleet().stream()
                .filter(v -> new VehicleEligibility(PACK).check(v, PLAN_DATE).isEmpty()).toList();
        DepotProblem problem = DepotProblems.forDepot(PACK, PLAN_DATE, stage, depot, vehicles, scenario.orders());

        DepotPlan plan = new BaselinePlanner().plan(problem, TRAVEL);

        ComplianceVerifier verifier = new ComplianceVerifier(PACK, TRAVEL);
        Map<String, Order> byId = scenario.orders().stream().collect(Collectors.toMap(Order::id, Function.identity()));
        Map<String, Vehicle> fleet = vehicles.stream().collect(Collectors.toMap(Vehicle::id, Function.identity()));
        assertThat(plan.routes()).isNotEmpty().allSatisfy(route -> assertThat(verifier.verify(review(stage, depot,
                fleet.get(route.vehicleId()), route, byId)).failures())
                .as("hard failures of %s", route.vehicleId()).filteredOn(RuleCheck::blocks).isEmpty());
    }

    private static RouteUnderReview review(int stage, Depot depot, Vehicle vehicle, PlannedRoute route, Map<String, Order> orders) {
        List<Order> stopOrders = route.stops().stream().map(PlannedStop::orderId).map(orders::get).toList();
        return new RouteUnderReview(PLAN_DATE, stage, depot, vehicle, route, stopOrders);
    }
}
