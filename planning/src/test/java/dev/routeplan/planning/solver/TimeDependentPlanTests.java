package dev.routeplan.planning.solver;

import static dev.routeplan.planning.solver.RouteSolverTests.OKHLA;
import static dev.routeplan.planning.solver.RouteSolverTests.PLAN_DATE;
import static dev.routeplan.planning.solver.RouteSolverTests.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.RulePackLoader;
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
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.planning.travel.SpeedProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The solver plans with departure-hour speeds and the verifier, recomputing, gets the same times. */
class TimeDependentPlanTests {

    /** Half speed in the 08-11 and 17-21 peaks, so a wrong hour shows as minutes, not seconds. */
    static final SpeedProfile PEAKS = peakProfile();

    private final HaversineTravelModel travel = new HaversineTravelModel(1.35, PEAKS);

    @Test
    void theVerifierRecomputesExactlyTheStopTimesTheSolverPlanned() {
        List<Order> orders = new ArrayList<>();
        TimeWindow[] windows = {TimeWindow.of("07:00", "09:30"), TimeWindow.of("10:00", "13:00"),
            TimeWindow.of("16:00", "19:00"), TimeWindow.of("12:00", "18:00")};
        for (int i = 0; i < 10; i++) {
            orders.add(order("T" + i, 28.50 + 0.025 * (i % 4), 77.15 + 0.03 * (i / 4), 80, windows[i % 4]));
        }
        Vehicle lgv = RouteSolverTests.vehicle("LGV-1", VehicleClass.LGV, 2000, TimeWindow.of("06:00", "22:00"));
        Vehicle lgv2 = RouteSolverTests.vehicle("LGV-2", VehicleClass.LGV, 2000, TimeWindow.of("06:00", "22:00"));

        DepotPlan plan = new RouteSolver(travel).solve(
                new DepotProblem(PLAN_DATE, OKHLA, List.of(lgv, lgv2), orders, Map.of()), SolverSettings.ofSeconds(2));

        assertThat(plan.routes()).isNotEmpty();
        Map<String, Order> byId = orders.stream().collect(Collectors.toMap(Order::id, Function.identity()));
        ComplianceVerifier verifier = new ComplianceVerifier(
                RulePackLoader.load(Path.of("../config/rules/delhi.yaml")), travel);
        for (PlannedRoute route : plan.routes()) {
            List<Order> inStopOrder = route.stops().stream().map(s -> byId.get(s.orderId())).toList();
            Vehicle vehicle = route.vehicleId().equals(lgv.id()) ? lgv : lgv2;
            assertThat(recomputedArrivals(route, inStopOrder, vehicle.vehicleClass()))
                    .containsExactlyElementsOf(route.stops().stream().map(PlannedStop::arrivalSeconds).toList());

            RouteVerdict verdict = verifier.verify(new RouteUnderReview(PLAN_DATE, 1, OKHLA, vehicle, route, inStopOrder));

            assertThat(verdict.check("PLAN-TIMELINE")).get().extracting(c -> c.verdict()).isEqualTo(Verdict.PASS);
            assertThat(verdict.check("PLAN-TIME-WINDOW")).get().extracting(c -> c.verdict()).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void aMorningPeakDeliveryLeavesEarlierThanTheSameDeliveryAtNoon() {
        Order peak = order("PEAK", 28.63, 77.21, 50, TimeWindow.of("09:00", "09:30"));
        Order noon = order("NOON", 28.63, 77.21, 50, TimeWindow.of("13:00", "13:30"));
        Vehicle lgv = RouteSolverTests.vehicle("LGV-1", VehicleClass.LGV, 1000, TimeWindow.of("05:00", "22:00"));

        PlannedRoute peakRoute = solveOne(lgv, peak);
        PlannedRoute noonRoute = solveOne(lgv, noon);

        long peakLead = peak.windows().first().startSeconds() - peakRoute.departureSeconds();
        long noonLead = noon.windows().first().startSeconds() - noonRoute.departureSeconds();
        assertThat(peakLead).isGreaterThan(noonLead);
    }

    private PlannedRoute solveOne(Vehicle vehicle, Order order) {
        DepotPlan plan = new RouteSolver(travel).solve(
                new DepotProblem(PLAN_DATE, OKHLA, List.of(vehicle), List.of(order), Map.of()), SolverSettings.ofSeconds(1));
        assertThat(plan.routes()).hasSize(1);
        return plan.routes().get(0);
    }

    private List<Long> recomputedArrivals(PlannedRoute route, List<Order> orders, VehicleClass vehicleClass) {
        List<Long> arrivals = new ArrayList<>();
        long clock = route.departureSeconds();
        GeoPoint at = OKHLA.location();
        for (Order o : orders) {
            long arrival = clock + travel.travelSeconds(at, o.location(), vehicleClass, clock);
            arrivals.add(arrival);
            clock = o.windows().serviceStart(arrival) + o.serviceSeconds();
            at = o.location();
        }
        return arrivals;
    }

    private static SpeedProfile peakProfile() {
        Map<VehicleClass, List<Double>> hourly = new EnumMap<>(VehicleClass.class);
        for (VehicleClass vc : VehicleClass.values()) {
            List<Double> speeds = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                boolean peak = (h >= 8 && h < 11) || (h >= 17 && h < 21);
                speeds.add(peak ? 12.0 : 24.0);
            }
            hourly.put(vc, speeds);
        }
        return SpeedProfile.of(hourly);
    }
}
