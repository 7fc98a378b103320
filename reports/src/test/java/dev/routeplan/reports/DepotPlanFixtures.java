package dev.routeplan.reports;

import dev.routeplan.planning.baseline.EfficiencyGain;
import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.planning.domain.UnassignedReason;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Named, Delhi-shaped plans for report tests. Times are seconds after 00:00 IST on the plan date. */
public final class DepotPlanFixtures {

    public static final LocalDate PLAN_DATE = LocalDate.of(2025, 11, 14);
    public static final String DAY_VAN = "DL1LAB1234";
    public static final String NIGHT_TRUCK = "HR55AB9876";
    public static final String EVIL_CUSTOMER = "=HYPERLINK(\"evil\")";
    public static final String RULE_PACK = "DELHI-GOODS";
    public static final String RULE_PACK_VERSION = "2025.11";
    /** Phones as ingest stores them: the first stop of each route has one, the night run's last stop none. */
    public static final String SHARMA_PHONE = "+919849609920";
    public static final String NARELA_PHONE = "+919276355121";
    public static final String NO_PHONE = "";

    static final Depot OKHLA = new Depot("DEL-OKH", "Okhla Phase II Depot",
            new GeoPoint(28.5355, 77.2750), TimeWindow.of("00:00", "00:00"));

    private DepotPlanFixtures() {
    }

    /**
     * A CNG van doing a morning round in south Delhi (its second customer's name looks like a
     * formula), and a diesel HGV doing the night run to Narela that comes back after midnight.
     */
    public static DepotPlanDocument okhlaWithTwoRoutes() {
        return new DepotPlanDocument(PLAN_DATE, OKHLA, List.of(dayRoute(), nightRoute()), unassigned(),
                RULE_PACK, RULE_PACK_VERSION);
    }

    /**
     * The two routes, 106.7 km costing INR 5,100, measured against a dispatcher's baseline of 142.3 km
     * costing INR 6,200 for the same 5 orders: INR 1,020.00 against 1,240.00 per served order.
     */
    public static DepotPlanDocument okhlaWithTwoRoutesAndBaseline() {
        DepotPlanDocument doc = okhlaWithTwoRoutes();
        return new DepotPlanDocument(doc.planDate(), doc.depot(), doc.routes(), doc.unassigned(), doc.rulePackId(),
                doc.rulePackVersion(), new EfficiencyGain(142.3, doc.distanceKm(), 5, doc.stopCount(), 6_200, 5_100));
    }

    public static DepotPlanDocument okhlaWithoutRoutes() {
        return new DepotPlanDocument(PLAN_DATE, OKHLA, List.of(), unassigned(), RULE_PACK, RULE_PACK_VERSION);
    }

    /** One van with {@code stops} drops in Okhla, ten minutes apart: more than a page of manifest. */
    public static DepotPlanDocument okhlaWithOneLongRoute(int stops) {
        Vehicle van = vehicle(DAY_VAN, VehicleClass.LGV, Fuel.CNG, 1_500, TimeWindow.of("06:00", "22:00"), "DRV-0412");
        List<Order> orders = new ArrayList<>();
        List<PlannedStop> planned = new ArrayList<>();
        for (int i = 1; i <= stops; i++) {
            String id = String.format("ORD-L%03d", i);
            orders.add(order(id, "Kirana Store " + i, String.format("+9198100%05d", i), "Shop " + i + ", Okhla Mandi",
                    "110020", 28.53 + i * 0.0001, 77.27, 10, "06:00", "22:00", 5));
            planned.add(new PlannedStop(i, id, at(7, 0) + i * 600L, at(7, 0) + i * 600L, at(7, 5) + i * 600L, 0.5,
                    (stops - i) * 10.0));
        }
        long back = at(7, 30) + stops * 600L;
        return new DepotPlanDocument(PLAN_DATE, OKHLA,
                List.of(new RouteDocument(van, new PlannedRoute(DAY_VAN, OKHLA.id(), at(7, 0), back, stops * 0.5, planned),
                        orders)),
                List.of(), RULE_PACK, RULE_PACK_VERSION);
    }

    /** The two routes plus a truck that was published without a single stop. */
    public static DepotPlanDocument okhlaWithAnIdleTruck() {
        Vehicle idle = vehicle("DL1GC0007", VehicleClass.MGV, Fuel.CNG, 5_000, TimeWindow.of("21:00", "07:00"), "DRV-0101");
        List<RouteDocument> routes = new ArrayList<>(okhlaWithTwoRoutes().routes());
        routes.add(new RouteDocument(idle, new PlannedRoute(idle.id(), OKHLA.id(), at(21, 0), at(21, 0), 0, List.of()),
                List.of()));
        return new DepotPlanDocument(PLAN_DATE, OKHLA, routes, unassigned(), RULE_PACK, RULE_PACK_VERSION);
    }

    /** Hindi shop names and a mixed-script address, as ingest passes them through from the orders file. */
    public static final String HINDI_CUSTOMER = "शर्मा ट्रेडर्स";
    public static final String HINDI_CONJUNCTS = "श्री कृष्ण मिष्ठान्न भंडार";

    /** The van's morning round to three shops whose names are in Devanagari, with the baseline comparison. */
    public static DepotPlanDocument okhlaWithHindiCustomers() {
        Vehicle van = vehicle(DAY_VAN, VehicleClass.LGV, Fuel.CNG, 1_500, TimeWindow.of("08:00", "18:00"), "DRV-0412");
        List<Order> orders = List.of(
                order("ORD-4001", HINDI_CUSTOMER, "+919810044001", "दुकान 7, Lajpat Nagar II Central Market", "110024",
                        28.5677, 77.2433, 380, "09:00", "12:00", 15),
                order("ORD-4002", HINDI_CONJUNCTS, "+919810044002", "C-12, Kalkaji Main Road", "110019",
                        28.5494, 77.2585, 120, "10:00", "13:00", 10),
                order("ORD-4003", "गुप्ता मेडिकल स्टोर & Sons", "+919810044003", "G-12, Greater Kailash I", "110048",
                        28.5482, 77.2372, 90, "09:30", "14:00", 10));
        List<PlannedStop> stops = List.of(
                new PlannedStop(1, "ORD-4001", at(9, 20), at(9, 20), at(9, 35), 5.1, 210),
                new PlannedStop(2, "ORD-4002", at(9, 50), at(10, 0), at(10, 10), 3.2, 90),
                new PlannedStop(3, "ORD-4003", at(10, 25), at(10, 25), at(10, 35), 2.9, 0));
        RouteDocument route = new RouteDocument(van,
                new PlannedRoute(DAY_VAN, OKHLA.id(), at(9, 0), at(11, 0), 17.4, stops), orders);
        return new DepotPlanDocument(PLAN_DATE, OKHLA, List.of(route), unassigned(), RULE_PACK, RULE_PACK_VERSION,
                new EfficiencyGain(21.8, 17.4, 3, 3, 1_660, 1_600));
    }

    private static RouteDocument dayRoute() {
        Vehicle van = vehicle(DAY_VAN, VehicleClass.LGV, Fuel.CNG, 1_500, TimeWindow.of("08:00", "18:00"), "DRV-0412");
        List<Order> orders = List.of(
                order("ORD-1001", "Sharma General Store", SHARMA_PHONE, "Shop 14, Lajpat Nagar II Central Market",
                        "110024", 28.5677, 77.2433, 420, "09:00", "12:00", 15),
                order("ORD-1002", EVIL_CUSTOMER, "+917011223344", "B-7, Kalkaji Extension", "110019",
                        28.5494, 77.2585, 310, "10:00", "13:00", 10),
                withSecondWindow(order("ORD-1003", "Gupta Medicos", "+918800112233", "G-12, Greater Kailash I, M Block Market",
                        "110048", 28.5482, 77.2372, 250, "09:30", "11:00", 10), "16:00", "18:00"));
        List<PlannedStop> stops = List.of(
                new PlannedStop(1, "ORD-1001", at(9, 20), at(9, 20), at(9, 35), 5.1, 560),
                new PlannedStop(2, "ORD-1002", at(9, 50), at(10, 0), at(10, 10), 3.2, 250),
                new PlannedStop(3, "ORD-1003", at(10, 25), at(10, 25), at(10, 35), 2.9, 0));
        return new RouteDocument(van, new PlannedRoute(DAY_VAN, OKHLA.id(), at(9, 0), at(11, 0), 17.4, stops), orders);
    }

    private static RouteDocument nightRoute() {
        Vehicle truck = vehicle(NIGHT_TRUCK, VehicleClass.HGV, Fuel.DIESEL, 9_000, TimeWindow.of("21:00", "07:00"), "DRV-0088");
        List<Order> orders = List.of(
                order("ORD-2001", "Narela Agro Traders", NARELA_PHONE, "Plot 33, DSIIDC Industrial Area, Narela",
                        "110040", 28.8527, 77.0929, 4_200, "22:00", "02:00", 45),
                order("ORD-2002", "Bawana Cold Chain Pvt Ltd", NO_PHONE, "Sector 5, Bawana Industrial Area",
                        "110039", 28.8000, 77.0430, 3_100, "23:00", "05:00", 40));
        List<PlannedStop> stops = List.of(
                new PlannedStop(1, "ORD-2001", at(23, 5), at(23, 5), at(23, 50), 38.6, 3_100),
                new PlannedStop(2, "ORD-2002", at(24, 20), at(24, 20), at(25, 0), 8.9, 0));
        return new RouteDocument(truck,
                new PlannedRoute(NIGHT_TRUCK, OKHLA.id(), at(22, 0), at(26, 30), 89.3, stops), orders);
    }

    private static List<UnassignedOrder> unassigned() {
        return List.of(
                new UnassignedOrder("ORD-3001", OKHLA.id(), UnassignedReason.EXCEEDS_CAPACITY,
                        "+2,500 kg over the largest eligible vehicle"),
                new UnassignedOrder("ORD-3002", OKHLA.id(), UnassignedReason.WINDOW_UNREACHABLE,
                        "window 07:00-07:30 closes before any shift reaches Dwarka"));
    }

    /** Seconds after 00:00 on the plan date; hours of 24 and more fall on the next day. */
    public static long at(int hours, int minutes) {
        return hours * 3600L + minutes * 60L;
    }

    private static Vehicle vehicle(String id, VehicleClass vehicleClass, Fuel fuel, double capacityKg,
            TimeWindow shift, String driverId) {
        return new Vehicle(id, OKHLA.id(), vehicleClass, fuel, EmissionNorm.BS6, LocalDate.of(2022, 3, 1),
                id.substring(0, 2), vehicleClass == VehicleClass.HGV ? 16_200 : 3_490,
                2, capacityKg, capacityKg / 200, shift, 18.0, 900.0,
                driverId, LocalDate.of(2026, 2, 28), LocalDate.of(2027, 3, 31));
    }

    /** The order taking goods again later in the day. */
    private static Order withSecondWindow(Order o, String start, String end) {
        return new Order(o.id(), o.customerName(), o.phone(), o.address(), o.pincode(), o.location(), o.weightKg(),
                o.volumeM3(), DeliveryWindows.of(o.windows().first(), TimeWindow.of(start, end)), o.serviceMinutes(),
                o.priority(), o.depotId(), o.goodsType());
    }

    /** {@code phone} as ingest stores it: normalised, or empty when the sender gave none. */
    private static Order order(String id, String customer, String phone, String address, String pincode, double lat,
            double lon, double weightKg, String windowStart, String windowEnd, int serviceMinutes) {
        return new Order(id, customer, phone, address, pincode, new GeoPoint(lat, lon), weightKg,
                weightKg / 250, TimeWindow.of(windowStart, windowEnd), serviceMinutes, 1, OKHLA.id(), "FMCG");
    }
}
