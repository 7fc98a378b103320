package dev.routeplan.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.baseline.BaselinePlanner;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.compliance.pack.VehicleEligibility;
import dev.routeplan.planning.compliance.verify.ComplianceVerifier;
import dev.routeplan.planning.compliance.verify.RouteUnderReview;
import dev.routeplan.planning.compliance.verify.RouteVerdict;
import dev.routeplan.planning.compliance.verify.RuleCheck;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;

/**
 * The nightly job seeds the solver with the dispatcher's hand plan. On a generated Okhla depot
 * whose fleet cannot serve every order (the hand plan leaves most of them out), the hand plan must
 * be a legal start exactly as planned, and the search must not end serving fewer orders.
 */
class HandPlanSeedTests {

    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);
    private static final TravelTimeProvider TRAVEL = HaversineTravelModel.delhiDefaults();

    private static RulePack pack;
    private static DepotProblem problem;
    private static DepotPlan hand;
    private static DepotRoutingSolution start;

    @BeforeAll
    static void handPlanOneDepot() {
        pack = RulePackLoader.load(Path.of("../config/rules/delhi.yaml"));
        Scenario scenario = ScenarioGenerator.generate(new ScenarioSpec(9, 400, 1, 20));
        VehicleEligibility eligibility = new VehicleEligibility(pack);
        problem = DepotProblems.forDepot(pack, PLAN_DATE, 0, scenario.depots().get(0),
                scenario.fleet().stream().filter(v -> eligibility.check(v, PLAN_DATE).isEmpty()).toList(), scenario.orders());
        hand = new BaselinePlanner().plan(problem, TRAVEL);
        start = new RouteSolver(TRAVEL).start(problem, hand).solution();
    }

    @Test
    void theHandPlanStartsTheSearchWithEveryStopOnItsVehicleAtItsPlannedTimes() {

        for (PlannedRoute planned : hand.routes()) {
            VehicleRoute route = routeOf(start, planned.vehicleId());
            assertThat(route.getVisits()).extracting(Visit::getId)
                    .containsExactlyElementsOf(planned.stops().stream().map(PlannedStop::orderId).toList());
            assertThat(route.departureFromDepot()).as(planned.vehicleId() + " departure").isEqualTo(planned.departureSeconds());
            assertThat(route.returnToDepot()).as(planned.vehicleId() + " return").isEqualTo(planned.returnSeconds());
            for (int i = 0; i < planned.stops().size(); i++) {
                assertThat(route.getVisits().get(i).getArrival()).isEqualTo(planned.stops().get(i).arrivalSeconds());
            }
        }
        assertThat(served(start)).isEqualTo(served(hand)).isPositive();
    }

    @Test
    void theSeededStartBreaksNoHardRuleAndItsShadowVariablesAreThoseOptaPlannerWouldSet() {
        SolutionManager<DepotRoutingSolution, BendableLongScore> scores = SolutionManager.create(
                SolverFactory.create(RouteSolver.config(SolverSettings.ofSeconds(1))));

        BendableLongScore asSeeded = scores.update(start, SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
        Map<String, Long> seededArrivals = arrivals(start);
        BendableLongScore recomputed = scores.update(start, SolutionUpdatePolicy.UPDATE_ALL);

        assertThat(asSeeded.hardScore(0)).isZero();
        assertThat(asSeeded.softScore(0)).as("orders left out").isEqualTo(-(long) bucket(start).getVisits().size());
        assertThat(recomputed).isEqualTo(asSeeded);
        assertThat(arrivals(start)).isEqualTo(seededArrivals);
    }

    @Test
    void theVerifierPassesEveryHandPlannedRouteAndTheSeededSolvesRoutes() {
        DepotPlan seeded = new RouteSolver(TRAVEL).solve(problem, SolverSettings.ofSeconds(2), hand);
        ComplianceVerifier verifier = new ComplianceVerifier(pack, TRAVEL);
        Map<String, Order> orders = problem.orders().stream().collect(Collectors.toMap(Order::id, Function.identity()));
        Map<String, Vehicle> vehicles = problem.vehicles().stream().collect(Collectors.toMap(Vehicle::id, Function.identity()));

        assertThat(hand.routes()).isNotEmpty();
        assertThat(seeded.routes()).isNotEmpty();
        Stream.concat(hand.routes().stream(), seeded.routes().stream()).forEach(route -> {
            RouteVerdict verdict = verifier.verify(new RouteUnderReview(PLAN_DATE, 0, problem.depot(), vehicles.get(route.vehicleId()),
                    route, route.stops().stream().map(stop -> orders.get(stop.orderId())).toList()));
            assertThat(verdict.failures()).as("hard failures of %s", route.vehicleId()).filteredOn(RuleCheck::blocks).isEmpty();
        });
    }

    /**
     * The seed puts the hand plan's stops on their vehicles and leaves its left-out orders on no
     * list, so the construction heuristic places exactly those: each where it serves best, or in
     * the bucket. Every hand-served order stays served.
     */
    @Test
    void theConstructionHeuristicPlacesOnlyTheOrdersTheHandPlanLeftOut() {
        List<Visit> seededVisits = start.getRoutes().stream().flatMap(r -> r.getVisits().stream()).toList();
        assertThat(seededVisits).hasSize(served(hand));

        DepotRoutingSolution constructed = SolverFactory.<DepotRoutingSolution>create(RouteSolver.config(SolverSettings.ofSeconds(5))
                        .withPhases(new ConstructionHeuristicPhaseConfig()))
                .buildSolver().solve(start);

        assertThat(constructed.getRoutes().stream().flatMap(r -> r.getVisits().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(constructed.getVisits());
        assertThat(constructed.getScore().hardScore(0)).isZero();
        assertThat(served(constructed)).isGreaterThan(served(hand));
    }

    /**
     * Full assert recomputes every shadow variable and the score from scratch after each move and
     * fails on any difference. The seed is completed by construction first, in the normal mode:
     * under full assert a time budget can end inside construction, which would test the budget.
     */
    @Test
    void searchingFromTheSeedUnderFullAssertFindsNoStaleShadowVariableNorScoreCorruption() {
        DepotRoutingSolution constructed = SolverFactory.<DepotRoutingSolution>create(RouteSolver.config(SolverSettings.ofSeconds(5))
                        .withPhases(new ConstructionHeuristicPhaseConfig()))
                .buildSolver().solve(start);
        DepotRoutingSolution searched = SolverFactory.<DepotRoutingSolution>create(RouteSolver.config(SolverSettings.fullSeconds(2))
                        .withEnvironmentMode(EnvironmentMode.FULL_ASSERT))
                .buildSolver().solve(constructed);

        assertThat(searched.getScore().hardScore(0)).isZero();
        assertThat(served(searched)).isGreaterThanOrEqualTo(served(hand));
    }

    @Test
    void aSolveStartedFromTheHandPlanNeverServesFewerOrders() {
        DepotPlan seeded = new RouteSolver(TRAVEL).solve(problem, SolverSettings.ofSeconds(5), hand);

        assertThat(served(seeded)).isGreaterThanOrEqualTo(served(hand));
    }

    private static VehicleRoute routeOf(DepotRoutingSolution solution, String vehicleId) {
        return solution.getRoutes().stream().filter(r -> !r.isUnplannedBucket() && r.vehicle().id().equals(vehicleId))
                .findFirst().orElseThrow();
    }

    private static VehicleRoute bucket(DepotRoutingSolution solution) {
        return solution.getRoutes().stream().filter(VehicleRoute::isUnplannedBucket).findFirst().orElseThrow();
    }

    private static Map<String, List<String>> routes(DepotRoutingSolution solution) {
        Map<String, List<String>> routes = new HashMap<>();
        solution.getRoutes().forEach(r -> routes.put(r.getId(), r.getVisits().stream().map(Visit::getId).toList()));
        return routes;
    }

    private static Map<String, Long> arrivals(DepotRoutingSolution solution) {
        Map<String, Long> arrivals = new HashMap<>();
        solution.getVisits().forEach(v -> arrivals.put(v.getId(), v.getArrival()));
        return arrivals;
    }

    private static int served(DepotRoutingSolution solution) {
        return solution.getRoutes().stream().filter(r -> !r.isUnplannedBucket()).mapToInt(r -> r.getVisits().size()).sum();
    }

    private static int served(DepotPlan plan) {
        return plan.routes().stream().mapToInt(r -> r.stops().size()).sum();
    }
}
