package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Named vehicles, places and routes for the DELHI-RULES.md section 9 scenarios. */
public final class ComplianceFixtures {

    /** The shipped pack, found relative to the planning module (where Maven runs the tests). */
    public static final Path SHIPPED_PACK = Path.of("../config/rules/delhi.yaml");

    public static final FixedLegTravel HALF_HOUR_LEGS = new FixedLegTravel(1800, 12.0);

    public static final TimeWindow ALL_DAY = TimeWindow.of("00:00", "00:00");
    public static final TimeWindow NIGHT_SHIFT = TimeWindow.of("20:00", "08:00");
    public static final TimeWindow DAY_SHIFT = TimeWindow.of("06:00", "22:00");

    public static final Depot OKHLA_DEPOT = new Depot("DEL-OKHLA", "Okhla Phase II", new GeoPoint(28.5355, 77.2730), ALL_DAY);
    /** Inside the Lajpat Nagar market polygon of zones/markets-2021.geojson. */
    public static final GeoPoint LAJPAT_NAGAR = new GeoPoint(28.5677, 77.2433);
    /** A drop in South Delhi outside every market and road zone. */
    public static final GeoPoint NEHRU_PLACE = new GeoPoint(28.5494, 77.2516);
    /** North of the Barapullah elevated road: the straight leg from Lajpat Nagar crosses it. */
    public static final GeoPoint KHAN_MARKET = new GeoPoint(28.6000, 77.2270);
    /** A depot on a vertex of the Phirni Road centre line (zones/phirni-circular-najafgarh.geojson). */
    public static final Depot NAJAFGARH_PHIRNI_DEPOT = new Depot("DEL-NAJAFGARH", "Najafgarh, Phirni Road",
            new GeoPoint(28.6150, 76.9750), TimeWindow.of("00:00", "00:00"));
    /** A drop south-west of Najafgarh, outside every market and road zone. */
    public static final GeoPoint UJWA = new GeoPoint(28.5800, 76.9300);

    public static final LocalDate JAN_10_2026 = LocalDate.of(2026, 1, 10);
    public static final LocalDate JAN_11_2026 = LocalDate.of(2026, 1, 11);
    public static final LocalDate MAR_14_2026 = LocalDate.of(2026, 3, 14);
    public static final LocalDate FEB_28_2026 = LocalDate.of(2026, 2, 28);

    public static final int GRAP_I = 1;
    public static final int GRAP_II = 2;
    public static final int GRAP_III = 3;
    public static final int GRAP_IV = 4;

    private ComplianceFixtures() {
    }

    public static RulePack shippedPack() {
        return RulePackLoader.load(SHIPPED_PACK);
    }

    /** The shipped pack with one text replaced, written to {@code dir} under the same file name, zones beside it. */
    public static Path editedCopy(Path dir, String find, String replaceWith) throws IOException {
        String yaml = Files.readString(SHIPPED_PACK);
        if (!yaml.contains(find)) {
            throw new IllegalArgumentException("shipped pack has no \"" + find + "\"");
        }
        Path copy = dir.resolve("delhi.yaml");
        Files.writeString(copy, yaml.replaceFirst(java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(replaceWith)));
        Path zones = Files.createDirectories(dir.resolve("zones"));
        try (var files = Files.list(SHIPPED_PACK.resolveSibling("zones"))) {
            for (Path f : files.toList()) {
                Files.copy(f, zones.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy;
    }

    /** Scenario #1/#2: HGV diesel BS-VI registered in Haryana. */
    public static Vehicle hgvDieselBs6Haryana() {
        return vehicle("HR-55-HGV-01", VehicleClass.HGV, Fuel.DIESEL, EmissionNorm.BS6, LocalDate.of(2022, 4, 1),
                "HR", 25_000, NIGHT_SHIFT);
    }

    /** Scenario #10: LGV diesel BS-IV registered in Delhi on the given date. */
    public static Vehicle lgvDieselBs4Delhi(LocalDate registered) {
        return vehicle("DL-1L-LGV-" + registered, VehicleClass.LGV, Fuel.DIESEL, EmissionNorm.BS4, registered,
                "DL", 3_500, NIGHT_SHIFT);
    }

    public static Vehicle threeWheelerCngDelhi() {
        return vehicle("DL-3W-01", VehicleClass.THREE_WHEELER, Fuel.CNG, EmissionNorm.BS4, LocalDate.of(2021, 6, 1),
                "DL", 1_000, DAY_SHIFT);
    }

    public static Vehicle hgvDieselBs4Delhi() {
        return vehicle("DL-1G-HGV-04", VehicleClass.HGV, Fuel.DIESEL, EmissionNorm.BS4, LocalDate.of(2019, 5, 1),
                "DL", 16_000, NIGHT_SHIFT);
    }

    public static Vehicle vehicle(String id, VehicleClass vc, Fuel fuel, EmissionNorm norm, LocalDate registered,
                           String state, int gvwKg, TimeWindow shift) {
        return new Vehicle(id, OKHLA_DEPOT.id(), vc, fuel, norm, registered, state, gvwKg, 2,
                Math.max(500, gvwKg / 2.0), 40.0, shift, 30.0, 1500.0, "DRV-" + id,
                LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 1));
    }

    public static Vehicle withDocuments(Vehicle v, LocalDate pucValidUntil, LocalDate permitValidUntil) {
        return new Vehicle(v.id(), v.depotId(), v.vehicleClass(), v.fuel(), v.emissionNorm(), v.registrationDate(),
                v.registrationState(), v.gvwKg(), v.axles(), v.capacityKg(), v.capacityM3(), v.shift(),
                v.costPerKm(), v.fixedCost(), v.driverId(), pucValidUntil, permitValidUntil);
    }

    public static Order order(String id, double kg, TimeWindow window, int serviceMinutes, String goodsType) {
        return orderAt(id, LAJPAT_NAGAR, kg, window, serviceMinutes, goodsType);
    }

    public static Order orderAt(String id, GeoPoint where, double kg, TimeWindow window, int serviceMinutes, String goodsType) {
        return new Order(id, "Customer " + id, "+91 98100 00000", "Delhi", "110024", where,
                kg, 1.0, window, serviceMinutes, 1, OKHLA_DEPOT.id(), goodsType);
    }

    /**
     * A route on Delhi roads from {@code from} to {@code until} (the next day if earlier): out 30
     * min, one all-day drop that fills the time between, back 30 min.
     */
    public static RouteUnderReview onDelhiRoads(Vehicle v, LocalDate planDate, int grapStage, String from, String until,
                                         String goodsType) {
        long start = LocalTime.parse(from).toSecondOfDay();
        long end = LocalTime.parse(until).toSecondOfDay();
        if (end <= start) {
            end += TimeWindow.SECONDS_PER_DAY;
        }
        int serviceMinutes = (int) ((end - start - 2 * HALF_HOUR_LEGS.legSeconds()) / 60);
        Order drop = order("ORD-" + from, 500, ALL_DAY, serviceMinutes, goodsType);
        return planned(v, planDate, grapStage, start, List.of(drop));
    }

    /** The route as a solver using the same travel model would store it. */
    public static RouteUnderReview planned(Vehicle v, LocalDate planDate, int grapStage, long departure, List<Order> orders) {
        return planned(v, planDate, GrapCalendar.constant(grapStage, "constant"), OKHLA_DEPOT, departure, orders, List.of());
    }

    /** As above, from any depot, with a GRAP calendar and the permits of the plan date. */
    public static RouteUnderReview planned(Vehicle v, LocalDate planDate, GrapCalendar grap, Depot depot, long departure,
                                    List<Order> orders, List<NoEntryPermit> permits) {
        long clock = departure;
        double load = orders.stream().mapToDouble(Order::weightKg).sum();
        List<PlannedStop> stops = new ArrayList<>();
        for (Order o : orders) {
            long arrival = clock + HALF_HOUR_LEGS.legSeconds();
            long serviceStart = o.windows().serviceStart(arrival);
            clock = serviceStart + o.serviceSeconds();
            load -= o.weightKg();
            stops.add(new PlannedStop(stops.size() + 1, o.id(), arrival, serviceStart, clock, HALF_HOUR_LEGS.legKm(), load));
        }
        long back = clock + HALF_HOUR_LEGS.legSeconds();
        PlannedRoute route = new PlannedRoute(v.id(), depot.id(), departure, back,
                HALF_HOUR_LEGS.legKm() * (orders.size() + 1), stops);
        return new RouteUnderReview(planDate, grap, depot, v, route, orders, permits);
    }

    /**
     * Scenario #1 shape for a driver who takes a break: planned for {@code deliveryDay}, leaving the
     * depot at 23:05 the evening before (negative timeline seconds), two drops whose windows open
     * 30 min after arrival, a 30-min rest at the first premises after service (a wait on the road
     * is work, not a break), back at 05:40.
     */
    public static RouteUnderReview nightRouteWithBreaks(Vehicle v, LocalDate deliveryDay, int grapStage, String goodsType) {
        Order first = order("ORD-NIGHT-1", 500, TimeWindow.of("00:05", "06:00"), 120, goodsType);
        Order second = order("ORD-NIGHT-2", 500, TimeWindow.of("03:05", "06:00"), 125, goodsType);
        return withRestAfter(planned(v, deliveryDay, grapStage, at("23:05") - TimeWindow.SECONDS_PER_DAY,
                List.of(first, second)), 0, 1800);
    }

    public static long at(String hhmm) {
        return LocalTime.parse(hhmm).toSecondOfDay();
    }

    /**
     * The route with a rest of {@code restSeconds} at the premises of stop {@code stopIndex} after
     * service, as a planner stores it (the stop's departure moves); later stops are retimed with
     * the same half-hour legs, a wait for a window absorbing the delay where there is one.
     */
    public static RouteUnderReview withRestAfter(RouteUnderReview r, int stopIndex, long restSeconds) {
        List<PlannedStop> stops = new ArrayList<>(r.route().stops().subList(0, stopIndex));
        PlannedStop rested = r.route().stops().get(stopIndex);
        long clock = rested.departureSeconds() + restSeconds;
        stops.add(new PlannedStop(rested.sequence(), rested.orderId(), rested.arrivalSeconds(), rested.serviceStartSeconds(),
                clock, rested.legKm(), rested.loadAfterKg()));
        for (int i = stopIndex + 1; i < r.route().stops().size(); i++) {
            PlannedStop s = r.route().stops().get(i);
            Order o = r.ordersInStopOrder().get(i);
            long arrival = clock + HALF_HOUR_LEGS.legSeconds();
            long serviceStart = o.windows().serviceStart(arrival);
            clock = serviceStart + o.serviceSeconds();
            stops.add(new PlannedStop(s.sequence(), s.orderId(), arrival, serviceStart, clock, s.legKm(), s.loadAfterKg()));
        }
        PlannedRoute route = new PlannedRoute(r.route().vehicleId(), r.route().depotId(), r.route().departureSeconds(),
                clock + HALF_HOUR_LEGS.legSeconds(), r.route().distanceKm(), stops);
        return new RouteUnderReview(r.planDate(), r.grap(), r.depot(), r.vehicle(), route, r.ordersInStopOrder(), r.permits());
    }

    /** The vehicle with a goods-carriage permit covering {@code states} (none: not on record). */
    public static Vehicle withPermitStates(Vehicle v, String... states) {
        return new Vehicle(v.id(), v.depotId(), v.vehicleClass(), v.fuel(), v.emissionNorm(), v.registrationDate(),
                v.registrationState(), v.gvwKg(), v.axles(), v.capacityKg(), v.capacityM3(), v.shift(),
                v.costPerKm(), v.fixedCost(), v.driverId(), v.pucValidUntil(), v.permitValidUntil(), List.of(states));
    }

    /** The vehicle with another shift (the driver's hours), everything else as it was. */
    public static Vehicle withShift(Vehicle v, TimeWindow shift) {
        return new Vehicle(v.id(), v.depotId(), v.vehicleClass(), v.fuel(), v.emissionNorm(), v.registrationDate(),
                v.registrationState(), v.gvwKg(), v.axles(), v.capacityKg(), v.capacityM3(), shift, v.costPerKm(),
                v.fixedCost(), v.driverId(), v.pucValidUntil(), v.permitValidUntil(), v.permitStates());
    }

    /** The vehicle with another axle count, everything else as it was. */
    public static Vehicle withAxles(Vehicle v, int axles) {
        return new Vehicle(v.id(), v.depotId(), v.vehicleClass(), v.fuel(), v.emissionNorm(), v.registrationDate(),
                v.registrationState(), v.gvwKg(), axles, v.capacityKg(), v.capacityM3(), v.shift(), v.costPerKm(),
                v.fixedCost(), v.driverId(), v.pucValidUntil(), v.permitValidUntil(), v.permitStates());
    }
}
