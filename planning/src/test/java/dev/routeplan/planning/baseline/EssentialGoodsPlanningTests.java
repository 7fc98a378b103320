package dev.routeplan.planning.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.verify.ComplianceFixtures;
import dev.routeplan.planning.compliance.verify.ComplianceVerifier;
import dev.routeplan.planning.compliance.verify.RouteUnderReview;
import dev.routeplan.planning.compliance.verify.RouteVerdict;
import dev.routeplan.planning.compliance.verify.Verdict;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.problem.DepotProblems;
import dev.routeplan.planning.solver.RouteSolver;
import dev.routeplan.planning.solver.SolverSettings;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * At GRAP IV a Delhi-registered BS-IV diesel HGV may still carry essential
 * goods (DL-GRAP4-DL-DIESEL-MGV-HGV exempts them), so the planner, hand plan and solver alike,
 * gives it routes of essential goods only, which the verifier passes; and a vehicle left unused
 * for that reason says so.
 */
class EssentialGoodsPlanningTests {

    private static final RulePack PACK = ComplianceFixtures.shippedPack();
    private static final TravelTimeProvider TRAVEL = HaversineTravelModel.delhiDefaults();
    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);
    private static final int GRAP_IV = 4;
    private static final TimeWindow NIGHT = TimeWindow.of("23:00", "05:00");
    private static final GeoPoint NEHRU_PLACE = ComplianceFixtures.NEHRU_PLACE;
    private static final GeoPoint KALKAJI = new GeoPoint(28.5390, 77.2590);

    private final Vehicle bs4Truck = ComplianceFixtures.hgvDieselBs4Delhi();

    @Test
    void theHandPlanGivesTheMilkToTheBs4TruckAtGrapFourAndLeavesTheFurnitureOut() {
        DepotProblem problem = problem(List.of(order("MILK-1", NEHRU_PLACE, "MILK"), order("SOFA-1", KALKAJI, "FURNITURE")));

        DepotPlan plan = new BaselinePlanner().plan(problem, TRAVEL);

        assertThat(plan.routes()).singleElement().satisfies(route ->
                assertThat(route.stops()).extracting(PlannedStop::orderId).containsExactly("MILK-1"));
        assertThat(plan.unassigned()).extracting(UnassignedOrder::orderId).containsExactly("SOFA-1");
        assertThatTheVerifierPasses(problem, plan);
    }

    @Test
    void theSolverDoesTheSame() {
        DepotProblem problem = problem(List.of(order("MILK-1", NEHRU_PLACE, "MILK"), order("VEG-1", KALKAJI, "vegetables "),
                order("SOFA-1", KALKAJI, "FURNITURE")));

        DepotPlan plan = new RouteSolver(TRAVEL).solve(problem, SolverSettings.ofSeconds(1));

        assertThat(plan.routes()).flatExtracting(PlannedRoute::stops).extracting(PlannedStop::orderId)
                .containsExactlyInAnyOrder("MILK-1", "VEG-1");
        assertThat(plan.unassigned()).extracting(UnassignedOrder::orderId).containsExactly("SOFA-1");
        assertThatTheVerifierPasses(problem, plan);
    }

    @Test
    void aVehicleThatMayCarryOnlyEssentialGoodsSaysSoAndWhy() {
        DepotProblem atStageFour = problem(List.of(order("SOFA-1", KALKAJI, "FURNITURE")));
        DepotProblem atStageOne = DepotProblems.forDepot(PACK, PLAN_DATE, 1, ComplianceFixtures.OKHLA_DEPOT, List.of(bs4Truck),
                List.of(order("SOFA-1", KALKAJI, "FURNITURE")));

        assertThat(atStageFour.essentialGoodsOnly(bs4Truck).orElseThrow())
                .startsWith("essential goods only: DL-GRAP4-DL-DIESEL-MGV-HGV (00:00-24:00)")
                .contains("milk");
        assertThat(atStageOne.essentialGoodsOnly(bs4Truck)).isEmpty();
        assertThat(new BaselinePlanner().plan(atStageFour, TRAVEL).routes()).isEmpty();
    }

    @Test
    void goodsTypesAreReadAsTheVerifierReadsThem() {
        DepotProblem problem = problem(List.of());

        assertThat(problem.isEssential(order("A", KALKAJI, " Milk "))).isTrue();
        assertThat(problem.isEssential(order("B", KALKAJI, "FURNITURE"))).isFalse();
        assertThat(problem.isEssential(order("C", KALKAJI, null))).isFalse();
        assertThat(problem.isEssential(order("D", KALKAJI, ""))).isFalse();
    }

    private DepotProblem problem(List<Order> orders) {
        return DepotProblems.forDepot(PACK, PLAN_DATE, GRAP_IV, ComplianceFixtures.OKHLA_DEPOT, List.of(bs4Truck), orders);
    }

    private static Order order(String id, GeoPoint where, String goods) {
        return ComplianceFixtures.orderAt(id, where, 500, NIGHT, 20, goods);
    }

    private static void assertThatTheVerifierPasses(DepotProblem problem, DepotPlan plan) {
        ComplianceVerifier verifier = new ComplianceVerifier(PACK, TRAVEL);
        Map<String, Order> byId = problem.orders().stream().collect(Collectors.toMap(Order::id, Function.identity()));
        for (PlannedRoute route : plan.routes()) {
            List<Order> stops = route.stops().stream().map(s -> byId.get(s.orderId())).toList();
            RouteVerdict verdict = verifier.verify(new RouteUnderReview(PLAN_DATE, GRAP_IV, problem.depot(),
                    problem.vehicles().get(0), route, stops));
            assertThat(verdict.blocked()).as("%s", verdict.failures()).isFalse();
            assertThat(verdict.check("DL-GRAP4-DL-DIESEL-MGV-HGV").orElseThrow().verdict()).isEqualTo(Verdict.EXEMPT);
        }
    }
}
