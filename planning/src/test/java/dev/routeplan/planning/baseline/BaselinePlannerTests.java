package dev.routeplan.planning.baseline;

import static dev.routeplan.planning.StopsInWindows.assertEveryStopIsServedInItsWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
import dev.routeplan.planning.domain.ZoneNoEntry;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.problem.DriverLimits;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class BaselinePlannerTests {

    static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);
    static final Depot OKHLA = new Depot("OKH", "Okhla Industrial Area", new GeoPoint(28.530, 77.271), TimeWindow.of("00:00", "00:00"));
    static final TimeWindow MORNING = TimeWindow.of("09:00", "13:00");
    static final TimeWindow DAY_SHIFT = TimeWindow.of("08:00", "20:00");
    static final TimeWindow ALL_DAY_WINDOW = TimeWindow.of("08:00", "20:00");
    static final long HOUR = 3600;

    private final TravelTimeProvider travel = HaversineTravelModel.delhiDefaults();
    private final BaselinePlanner planner = new BaselinePlanner();

    @Test
    void keepsEveryRouteWithinCapacityAndEveryServiceInsideItsWindow() {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orders.add(order("D" + i, 28.52 + 0.01 * (i % 5), 77.20 + 0.012 * (i / 5), 150, MORNING));
        }

        DepotPlan plan = plan(List.of(lgv("LGV-1", 1000), lgv("LGV-2", 1000)), orders, Map.of());

        Map<String, Order> byId = orders.stream().collect(Collectors.toMap(Order::id, Function.identity()));
        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.routes()).allSatisfy(route -> {
            assertThat(route.stops().stream().mapToDouble(s -> byId.get(s.orderId()).weightKg()).sum()).isLessThanOrEqualTo(1000);
            assertThat(route.returnSeconds()).isLessThanOrEqualTo(DAY_SHIFT.endSeconds());
        });
        assertEveryStopIsServedInItsWindow(plan, orders, 12);
    }

    @Test
    void fillsTheFirstVehicleBeforeTheNext() {
        List<Order> orders = List.of(
                order("A", 28.54, 77.28, 600, MORNING),
                order("B", 28.55, 77.28, 300, MORNING),
                order("C", 28.56, 77.28, 300, MORNING));

        DepotPlan plan = plan(List.of(lgv("LGV-1", 1000), lgv("LGV-2", 1000)), orders, Map.of());

        assertThat(plan.routes()).extracting(PlannedRoute::vehicleId).containsExactly("LGV-1", "LGV-2");
        assertThat(stopIds(plan.routes().get(0))).containsExactly("A", "B");
        assertThat(stopIds(plan.routes().get(1))).containsExactly("C");
    }

    @Test
    void servesTheNearestOrderFirst() {
        // given in scrambled order, all along the road east of the depot
        List<Order> orders = List.of(
                order("FAR", 28.53, 77.33, 50, ALL_DAY_WINDOW),
                order("NEAR", 28.53, 77.28, 50, ALL_DAY_WINDOW),
                order("MIDDLE", 28.53, 77.30, 50, ALL_DAY_WINDOW),
                order("WEST", 28.53, 77.25, 50, ALL_DAY_WINDOW));

        DepotPlan plan = plan(List.of(lgv("LGV-1", 1000)), orders, Map.of());

        // as the crow flies: NEAR 0.9 km before WEST 2 km; from NEAR, MIDDLE is 2 km on but WEST 2.9 km back
        assertThat(stopIds(plan.routes().get(0))).containsExactly("NEAR", "MIDDLE", "FAR", "WEST");
        assertThat(plan.routes().get(0).stops().get(0).legKm())
                .isEqualTo(travel.distanceKm(OKHLA.location(), orders.get(1).location()));
    }

    @Test
    void leavesAnOrderHeavierThanEveryVehicleUnassignedAsExceedingCapacity() {
        List<Order> orders = List.of(order("LIGHT", 28.55, 77.25, 100, MORNING), order("HEAVY", 28.60, 77.20, 1500, MORNING));

        DepotPlan plan = plan(List.of(lgv("LGV-1", 1000), lgv("LGV-2", 800)), orders, Map.of());

        assertThat(plan.unassigned()).extracting(UnassignedOrder::orderId, UnassignedOrder::reason)
                .containsExactly(tuple("HEAVY", UnassignedReason.EXCEEDS_CAPACITY));
        assertThat(plan.routes()).flatExtracting(PlannedRoute::stops).extracting(PlannedStop::orderId).containsExactly("LIGHT");
    }

    @Test
    void servesAnOrderWhoseFirstWindowIsOverInItsSecondAndNotAfterBoth() {
        Order second = order("SECOND", 28.55, 77.25, 100, TimeWindow.of("06:00", "07:30"));
        Order afterBoth = order("AFTER-BOTH", 28.56, 77.26, 100, TimeWindow.of("05:00", "06:00"));
        List<Order> orders = List.of(
                new Order(second.id(), second.customerName(), second.phone(), second.address(), second.pincode(),
                        second.location(), second.weightKg(), second.volumeM3(),
                        DeliveryWindows.of(second.windows().first(), TimeWindow.of("14:00", "16:00")),
                        second.serviceMinutes(), second.priority(), second.depotId(), second.goodsType()),
                new Order(afterBoth.id(), afterBoth.customerName(), afterBoth.phone(), afterBoth.address(), afterBoth.pincode(),
                        afterBoth.location(), afterBoth.weightKg(), afterBoth.volumeM3(),
                        DeliveryWindows.of(afterBoth.windows().first(), TimeWindow.of("06:30", "07:30")),
                        afterBoth.serviceMinutes(), afterBoth.priority(), afterBoth.depotId(), afterBoth.goodsType()));

        DepotPlan plan = plan(List.of(lgv("LGV-1", 1000)), orders, Map.of());

        PlannedStop stop = plan.routes().get(0).stops().get(0);
        assertThat(stop.orderId()).isEqualTo("SECOND");
        assertThat(stop.serviceStartSeconds()).isEqualTo(14 * 3600);
        assertThat(plan.unassigned()).extracting(UnassignedOrder::orderId, UnassignedOrder::reason)
                .containsExactly(tuple("AFTER-BOTH", UnassignedReason.WINDOW_UNREACHABLE));
    }

    @Test
    void saysFleetFullForWhatFitsAloneButNotWithTheRestAndWindowUnreachableForWhatNeverFits() {
        List<Order> orders = List.of(
                order("P1", 28.56, 77.25, 600, MORNING),
                order("P2", 28.57, 77.26, 600, MORNING),
                order("DAWN", 28.60, 77.20, 50, TimeWindow.of("04:00", "05:00")));

        DepotPlan plan = plan(List.of(lgv("LGV-1", 1000)), orders, Map.of());

        assertThat(plan.unassigned()).extracting(UnassignedOrder::orderId, UnassignedOrder::reason).containsExactlyInAnyOrder(
                tuple("DAWN", UnassignedReason.WINDOW_UNREACHABLE), tuple("P2", UnassignedReason.FLEET_FULL));
    }

    @Test
    void keepsAnHgvOffTheRoadDuringItsNoEntryHoursAndReachesTheFirstStopAtItsWindowStart() {
        Vehicle hgv = vehicle("HGV-1", VehicleClass.HGV, 14000, TimeWindow.of("20:00", "08:00"));
        TimeWindow night = TimeWindow.of("23:45", "05:00");
        List<Order> orders = List.of(order("N1", 28.62, 77.22, 2000, night), order("N2", 28.65, 77.18, 1500, night));

        DepotPlan plan = plan(List.of(hgv), orders, Map.of(hgv.id(), NoEntryHours.HGV_BY_DAY));

        assertThat(plan.unassigned()).isEmpty();
        PlannedRoute route = plan.routes().get(0);
        assertThat(route.departureSeconds()).isGreaterThanOrEqualTo(23 * HOUR);
        assertThat(route.returnSeconds()).isLessThanOrEqualTo(31 * HOUR);
        assertThat(route.stops().get(0).arrivalSeconds()).isEqualTo(night.startSeconds());
    }

    @Test
    void skipsAnOrderWhoseLegWouldEnterAClosedZone() {
        // a market square 28.57-28.59 N, 77.26-77.28 E, closed to the van all day
        ZoneNoEntry market = closedAllDay("DL-MARKET", "MARKET", new Coordinate(77.26, 28.57), new Coordinate(77.28, 28.59), 0);
        List<Order> orders = List.of(order("INSIDE", 28.58, 77.27, 50, MORNING), order("OUTSIDE", 28.55, 77.20, 50, MORNING));

        DepotPlan plan = planWithZone(lgv("LGV-1", 1000), orders, market);

        assertThat(plan.routes()).flatExtracting(PlannedRoute::stops).extracting(PlannedStop::orderId).containsExactly("OUTSIDE");
        assertThat(plan.unassigned()).extracting(UnassignedOrder::orderId).containsExactly("INSIDE");
    }

    @Test
    void servesAnOrderBeyondAZoneRoadItsLegsOnlyCross() {
        // a road 20 m wide running north-south between the depot and the order, closed all day;
        // the legs cross it, 20 m inside, less than the zone's 200 m that count as driving along it
        ZoneNoEntry road = closedAllDay("DL-ROAD", "ROAD", new Coordinate(77.2800, 28.50), new Coordinate(77.2802, 28.56), 200);
        List<Order> orders = List.of(order("EAST", 28.530, 77.291, 50, MORNING));

        DepotPlan plan = planWithZone(lgv("LGV-1", 1000), orders, road);

        assertThat(plan.unassigned()).isEmpty();
        assertThat(plan.routes()).flatExtracting(PlannedRoute::stops).extracting(PlannedStop::orderId).containsExactly("EAST");
    }

    @Test
    void restsAtThePremisesWhereTheNextLegWouldPassTheContinuousLimitAndServesOn() {
        // 5 h of continuous work at most, then a 30-minute break; 8 h of work and 12 h spread-over
        DriverLimits limits = new DriverLimits(5 * HOUR, 1800, 8 * HOUR, 12 * HOUR);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            orders.add(order("D" + i, 28.50 + 0.008 * (i % 6), 77.22 + 0.01 * (i / 6), 20, ALL_DAY_WINDOW));
        }
        Vehicle van = lgv("LGV-1", 1000);
        DepotProblem problem = new DepotProblem(PLAN_DATE, OKHLA, List.of(van), orders, Map.of(), Map.of(), limits);

        DepotPlan plan = planner.plan(problem, travel);

        PlannedRoute route = plan.routes().get(0);
        assertThat(plan.unassigned()).isEmpty();
        assertThat(route.returnSeconds() - route.departureSeconds()).isGreaterThan(5 * HOUR);
        Map<String, Order> byId = orders.stream().collect(Collectors.toMap(Order::id, Function.identity()));
        assertThat(route.stops()).filteredOn(stop -> stop.departureSeconds()
                - stop.serviceStartSeconds() - byId.get(stop.orderId()).serviceSeconds() == 1800).hasSize(1);
    }

    @Test
    void plansTheSameTwice() {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(order("D" + i, 28.50 + 0.007 * (i % 7), 77.18 + 0.011 * (i / 7), 120, MORNING));
        }
        List<Vehicle> fleet = List.of(lgv("LGV-1", 1000), lgv("LGV-2", 1000), lgv("LGV-3", 1000));

        assertThat(plan(fleet, orders, Map.of())).isEqualTo(plan(fleet, orders, Map.of()));
    }

    private DepotPlan plan(List<Vehicle> vehicles, List<Order> orders, Map<String, List<NoEntryInterval>> noEntry) {
        return planner.plan(new DepotProblem(PLAN_DATE, OKHLA, vehicles, orders, noEntry), travel);
    }

    private DepotPlan planWithZone(Vehicle vehicle, List<Order> orders, ZoneNoEntry zone) {
        return planner.plan(new DepotProblem(PLAN_DATE, OKHLA, List.of(vehicle), orders, Map.of(),
                Map.of(vehicle.id(), List.of(zone)), DriverLimits.none()), travel);
    }

    /**
     * A rectangle of the map between two corners (longitude, latitude), closed all day; a leg in it
     * for {@code minAlongMetres} or more counts as driving along it, a shorter one only crosses it.
     */
    private static ZoneNoEntry closedAllDay(String ruleId, String zoneId, Coordinate southWest, Coordinate northEast,
                                            double minAlongMetres) {
        return new ZoneNoEntry(ruleId, zoneId, List.of(new GeometryFactory().toGeometry(new Envelope(southWest, northEast))),
                minAlongMetres, List.of(new NoEntryInterval(ruleId, 0, 24 * HOUR)));
    }

    private static List<String> stopIds(PlannedRoute route) {
        return route.stops().stream().map(PlannedStop::orderId).toList();
    }

    static Order order(String id, double lat, double lon, double weightKg, TimeWindow window) {
        return new Order(id, "Customer " + id, "", "Shop " + id + ", New Delhi", "110020", new GeoPoint(lat, lon),
                weightKg, weightKg / 250, window, 10, 3, OKHLA.id(), "GENERAL");
    }

    static Vehicle lgv(String id, double capacityKg) {
        return vehicle(id, VehicleClass.LGV, capacityKg, DAY_SHIFT);
    }

    static Vehicle vehicle(String id, VehicleClass vehicleClass, double capacityKg, TimeWindow shift) {
        return new Vehicle(id, OKHLA.id(), vehicleClass, Fuel.CNG, EmissionNorm.BS6, LocalDate.of(2023, 1, 1), "DL",
                vehicleClass == VehicleClass.HGV ? 16200 : 3490, 2, capacityKg, capacityKg / 200, shift, 18, 900, "DRV-" + id,
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1));
    }
}
