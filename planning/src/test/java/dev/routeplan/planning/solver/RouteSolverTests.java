package dev.routeplan.planning.solver;

import static dev.routeplan.planning.StopsInWindows.assertEveryStopIsServedInItsWindow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.NoEntryHours;
import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.planning.domain.UnassignedReason;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.travel.HaversineTravelModel;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;

class RouteSolverTests {

    static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);
    static final Depot OKHLA = new Depot("OKH", "Okhla Industrial Area", new GeoPoint(28.530, 77.271), TimeWindow.of("00:00", "00:00"));
    static final TimeWindow MORNING = TimeWindow.of("09:00", "13:00");
    static final TimeWindow NIGHT = TimeWindow.of("23:00", "05:00");
    static final long HOUR = 3600;

    private final RouteSolver solver = new RouteSolver(HaversineTravelModel.delhiDefaults());

    @Test
    void routesEveryOrderWithinCapacityAndWindows() {
        List<Order> orders = dayOrders(12, 150);
        DepotPlan plan = solve(List.of(lgv("LGV-1", 1000), lgv("LGV-2", 1000)), orders, Map.of());

        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.routes()).allSatisfy(route -> assertThat(loadKg(route, orders)).isLessThanOrEqualTo(1000));
        assertEveryStopIsServedInItsWindow(plan, orders, 12);
    }

    @Test
    void routesEveryOrderWhenSeveralSolversRaceOnTheDepot() {
        List<Order> orders = dayOrders(12, 150);
        SolverSettings twoSolvers = SolverSettings.ofSeconds(2).withSearch(SolverSettings.Search.DEFAULT.withPortfolio(2));

        DepotPlan plan = solver.solve(new DepotProblem(PLAN_DATE, OKHLA, List.of(lgv("LGV-1", 1000), lgv("LGV-2", 1000)), orders,
                Map.of()), twoSolvers);

        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.routes()).flatExtracting(PlannedRoute::stops).hasSize(12);
        assertThat(plan.routes()).allSatisfy(route -> assertThat(loadKg(route, orders)).isLessThanOrEqualTo(1000));
    }

    @Test
    void plansTheSameForTheSameStepsWhateverTheTimeBudget() {
        List<Order> orders = dayOrders(30, 150);
        DepotProblem problem = new DepotProblem(PLAN_DATE, OKHLA, List.of(lgv("LGV-1", 1000), lgv("LGV-2", 1000),
                lgv("LGV-3", 1000)), orders, Map.of());

        DepotPlan quick = solver.solve(problem, SolverSettings.ofSeconds(1).withLocalSearchSteps(400));
        DepotPlan unhurried = solver.solve(problem, SolverSettings.ofSeconds(30).withLocalSearchSteps(400));

        assertThat(unhurried.routes()).isEqualTo(quick.routes());
        assertThat(unhurried.distanceKm()).isEqualTo(quick.distanceKm());
        assertThat(unhurried.unassigned()).isEqualTo(quick.unassigned());
        assertThat(quick.routes()).flatExtracting(PlannedRoute::stops).as("what three 1,000 kg vans carry of 150 kg orders")
                .hasSize(18);
    }

    @Test
    void endsTheLocalSearchOnItsStepsAndKeepsTheTimeBudgetOnlyAsAGuard() {
        SolverConfig config = RouteSolver.config(SolverSettings.ofSeconds(2).withLocalSearchSteps(400));

        LocalSearchPhaseConfig localSearch = (LocalSearchPhaseConfig) config.getPhaseConfigList().get(1);
        assertThat(localSearch.getTerminationConfig().getStepCountLimit()).isEqualTo(400);
        assertThat(config.getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofSeconds(40));
        assertThat(config.getTerminationConfig().getUnimprovedSpentLimit()).isNull();
        assertThat(RouteSolver.config(SolverSettings.ofSeconds(2)).getTerminationConfig().getUnimprovedSpentLimit())
                .as("without steps the time decides, as before").isNotNull();
    }

    @Test
    void setsAsideAnOrderHeavierThanEveryVehicle() {
        List<Order> orders = new ArrayList<>(dayOrders(3, 100));
        orders.add(order("HEAVY", 28.60, 77.20, 1500, MORNING));

        DepotPlan plan = solve(List.of(lgv("LGV-1", 1000)), orders, Map.of());

        assertThat(plan.unassigned()).extracting(UnassignedOrder::orderId, UnassignedOrder::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HEAVY", UnassignedReason.EXCEEDS_CAPACITY));
        assertThat(plan.routes()).flatExtracting(PlannedRoute::stops).hasSize(3);
    }

    @Test
    void servesAsManyOrdersAsItCanBeforeWeighingTheirPriorities() {
        List<Order> orders = List.of(
                withPriority(order("P1", 28.56, 77.25, 900, MORNING), 1),
                withPriority(order("P5-A", 28.57, 77.26, 450, MORNING), 5),
                withPriority(order("P5-B", 28.57, 77.25, 450, MORNING), 5));

        DepotPlan plan = solve(List.of(lgv("LGV-1", 1000)), orders, Map.of());

        assertThat(plan.routes()).flatExtracting(PlannedRoute::stops).extracting(PlannedStop::orderId)
                .containsExactlyInAnyOrder("P5-A", "P5-B");
        assertThat(plan.unassigned()).extracting(UnassignedOrder::orderId).containsExactly("P1");
    }

    @Test
    void leavesOutWhatTheFleetCannotCarryButKeepsTheHigherPriorityOrders() {
        List<Order> orders = List.of(
                withPriority(order("P1", 28.56, 77.25, 600, MORNING), 1),
                withPriority(order("P5", 28.57, 77.26, 600, MORNING), 5));

        DepotPlan plan = solve(List.of(lgv("LGV-1", 1000)), orders, Map.of());

        assertThat(plan.routes()).flatExtracting(PlannedRoute::stops).extracting(PlannedStop::orderId).containsExactly("P1");
        assertThat(plan.unassigned()).extracting(UnassignedOrder::orderId, UnassignedOrder::reason, UnassignedOrder::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P5", UnassignedReason.CAPACITY,
                        "vehicle LGV-1 would carry 1,200 kg of 1,000"));
    }

    @Test
    void saysAnOrderIsLeftOutBecauseTheOnlyVehicleCannotReachItBeforeItsWindowsClose() {
        // each alone is reachable; after serving the other across town, the vehicle comes too late
        Order north = withPriority(order("NORTH", 28.575, 77.235, 100, TimeWindow.of("09:00", "09:30")), 1);
        Order south = withPriority(withWindows(order("SOUTH", 28.490, 77.300, 100, TimeWindow.of("07:00", "07:30")),
                TimeWindow.of("09:00", "09:40")), 5);

        DepotPlan plan = solve(List.of(lgv("LGV-1", 1000)), List.of(north, south), Map.of());

        assertThat(plan.routes()).flatExtracting(PlannedRoute::stops).extracting(PlannedStop::orderId).containsExactly("NORTH");
        UnassignedOrder left = plan.unassigned().get(0);
        assertThat(left.orderId()).isEqualTo("SOUTH");
        assertThat(left.reason()).isEqualTo(UnassignedReason.WINDOW);
        assertThat(left.detail()).matches("earliest arrival \\d\\d:\\d\\d \\(LGV-1\\) after both windows "
                + "\\(07:00-07:30, 09:00-09:40\\) have closed");
    }

    @Test
    void servesATwoWindowOrderReachedBetweenItsWindowsWhenTheSecondOpens() {
        // the morning order comes first; the two-window order's first window is over by then
        Order morning = order("MORNING", 28.560, 77.250, 100, TimeWindow.of("09:00", "10:00"));
        Order twoWindows = withWindows(order("TWO", 28.565, 77.245, 100, TimeWindow.of("06:00", "08:00")),
                TimeWindow.of("14:00", "16:00"));

        DepotPlan plan = solve(List.of(lgv("LGV-1", 1000)), List.of(morning, twoWindows), Map.of());

        assertThat(plan.unassigned()).isEmpty();
        List<PlannedStop> stops = plan.routes().get(0).stops();
        assertThat(stops).extracting(PlannedStop::orderId).containsExactly("MORNING", "TWO");
        assertThat(stops.get(1).arrivalSeconds()).isBetween(9 * HOUR, 14 * HOUR);
        assertThat(stops.get(1).serviceStartSeconds()).isEqualTo(14 * HOUR);
    }

    @Test
    void keepsAnHgvOffTheRoadDuringItsNoEntryHours() {
        Vehicle hgv = vehicle("HGV-1", VehicleClass.HGV, 14000, TimeWindow.of("20:00", "08:00"));
        List<Order> orders = List.of(
                order("N1", 28.62, 77.22, 2000, NIGHT),
                order("N2", 28.65, 77.18, 1500, NIGHT),
                order("N3", 28.58, 77.30, 1000, NIGHT));

        DepotPlan plan = solve(List.of(hgv), orders, Map.of(hgv.id(), NoEntryHours.HGV_BY_DAY));

        assertThat(plan.unassigned()).isEmpty();
        PlannedRoute route = plan.routes().get(0);
        assertThat(route.departureSeconds()).isGreaterThanOrEqualTo(23 * HOUR);
        assertThat(route.returnSeconds()).isLessThanOrEqualTo(31 * HOUR);
    }

    @Test
    void saysWhyAnOrderOutsideEveryShiftCannotBeServed() {
        Order dawn = order("DAWN", 28.60, 77.20, 50, TimeWindow.of("04:00", "05:00"));

        DepotPlan plan = solve(List.of(lgv("LGV-1", 1000)), List.of(dawn), Map.of());

        assertThat(plan.unassigned()).extracting(UnassignedOrder::reason).containsExactly(UnassignedReason.WINDOW_UNREACHABLE);
    }

    private DepotPlan solve(List<Vehicle> vehicles, List<Order> orders, Map<String, List<NoEntryInterval>> noEntry) {
        return solver.solve(new DepotProblem(PLAN_DATE, OKHLA, vehicles, orders, noEntry), SolverSettings.ofSeconds(2));
    }

    private static double loadKg(PlannedRoute route, List<Order> orders) {
        return route.stops().stream().mapToDouble(stop -> orders.stream()
                .filter(order -> order.id().equals(stop.orderId())).findFirst().orElseThrow().weightKg()).sum();
    }

    static List<Order> dayOrders(int count, double weightKg) {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(order("D" + i, 28.52 + 0.01 * (i % 5), 77.20 + 0.012 * (i / 5), weightKg, MORNING));
        }
        return orders;
    }

    static Order order(String id, double lat, double lon, double weightKg, TimeWindow window) {
        return new Order(id, "Customer " + id, "", "Shop " + id + ", New Delhi", "110020", new GeoPoint(lat, lon),
                weightKg, weightKg / 250, window, 10, 3, OKHLA.id(), "GENERAL");
    }

    static Order withPriority(Order o, int priority) {
        return new Order(o.id(), o.customerName(), o.phone(), o.address(), o.pincode(), o.location(), o.weightKg(),
                o.volumeM3(), o.windows(), o.serviceMinutes(), priority, o.depotId(), o.goodsType());
    }

    static Order withWindows(Order o, TimeWindow second) {
        return new Order(o.id(), o.customerName(), o.phone(), o.address(), o.pincode(), o.location(), o.weightKg(),
                o.volumeM3(), DeliveryWindows.of(o.windows().first(), second), o.serviceMinutes(), o.priority(),
                o.depotId(), o.goodsType());
    }

    static Vehicle lgv(String id, double capacityKg) {
        return vehicle(id, VehicleClass.LGV, capacityKg, TimeWindow.of("08:00", "20:00"));
    }

    static Vehicle vehicle(String id, VehicleClass vehicleClass, double capacityKg, TimeWindow shift) {
        return new Vehicle(id, OKHLA.id(), vehicleClass, Fuel.CNG, EmissionNorm.BS6, LocalDate.of(2023, 1, 1), "DL",
                vehicleClass == VehicleClass.HGV ? 25000 : 3500, 2, capacityKg, capacityKg / 100, shift, 20, 500,
                "DRV-" + id, LocalDate.of(2027, 6, 30), LocalDate.of(2028, 1, 1));
    }
}
