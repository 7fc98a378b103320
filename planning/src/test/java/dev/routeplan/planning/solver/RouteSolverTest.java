package dev.routeplan.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.routeplan.planning.travel.HaversineTravelModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RouteSolverTest {

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
        Map<String, Order> byId = orders.stream().collect(Collectors.toMap(Order::id, Function.identity()));
        assertThat(plan.routes().stream().flatMap(route -> route.stops().stream())).hasSize(12).allSatisfy(stop -> {
            Order order = byId.get(stop.orderId());
            assertThat(stop.serviceStartSeconds()).isGreaterThanOrEqualTo(order.window().startSeconds())
                    .isLessThan(order.window().endSeconds());
            assertThat(stop.serviceStartSeconds()).isGreaterThanOrEqualTo(stop.arrivalSeconds());
            assertThat(stop.departureSeconds()).isEqualTo(stop.serviceStartSeconds() + order.serviceSeconds());
        });
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
    void setsAsideAnOrderHeavierThanEveryVehicle() {
        List<Order> orders = new ArrayList<>(dayOrders(3, 100));
        orders.add(order("HEAVY", 28.60, 77.20, 1500, MORNING));

        DepotPlan plan = solve(List.of(lgv("LGV-1", 1000)), orders, Map.of());

        assertThat(plan.unassigned()).extracting(UnassignedOrder::orderId, UnassignedOrder::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HEAVY", UnassignedReason.EXCEEDS_CAPACITY));
        assertThat(plan.routes()).flatExtracting(PlannedRoute::stops).hasSize(3);
    }

    @Test
    void leavesOutWhatTheFleetCannotCarryButKeepsTheHigherPriorityOrders() {
        List<Order> orders = List.of(
                withPriority(order("P1", 28.56, 77.25, 600, MORNING), 1),
                withPriority(order("P5", 28.57, 77.26, 600, MORNING), 5));

        DepotPlan plan = solve(List.of(lgv("LGV-1", 1000)), orders, Map.of());

        assertThat(plan.routes()).flatExtracting(PlannedRoute::stops).extracting(PlannedStop::orderId).containsExactly("P1");
        assertThat(plan.unassigned()).extracting(UnassignedOrder::orderId, UnassignedOrder::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P5", UnassignedReason.FLEET_FULL));
    }

    @Test
    void keepsAnHgvOffTheRoadDuringItsNoEntryHours() {
        Vehicle hgv = vehicle("HGV-1", VehicleClass.HGV, 14000, TimeWindow.of("20:00", "08:00"));
        List<NoEntryInterval> noEntry = List.of(
                new NoEntryInterval("DL-NOENTRY-HGV", 7 * HOUR, 23 * HOUR),
                new NoEntryInterval("DL-NOENTRY-HGV", 31 * HOUR, 47 * HOUR));
        List<Order> orders = List.of(
                order("N1", 28.62, 77.22, 2000, NIGHT),
                order("N2", 28.65, 77.18, 1500, NIGHT),
                order("N3", 28.58, 77.30, 1000, NIGHT));

        DepotPlan plan = solve(List.of(hgv), orders, Map.of(hgv.id(), noEntry));

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
                o.volumeM3(), o.window(), o.serviceMinutes(), priority, o.depotId(), o.goodsType());
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
