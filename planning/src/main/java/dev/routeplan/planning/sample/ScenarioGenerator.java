package dev.routeplan.planning.sample;

import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Generates realistic, seeded Delhi delivery scenarios. The same {@link ScenarioSpec} always gives
 * the same {@link Scenario}: one {@link SplittableRandom} drawn in a fixed order, lists only.
 *
 * <p>What the data respects, so that plans look sensible:
 * <ul>
 *   <li>HGV and MGV work the night shift 23:00-07:00 (city-wide no-entry 07:00-23:00); their
 *       customers get night windows that cross midnight. LGVs and three-wheelers work day shifts.</li>
 *   <li>Orders near the markets closed to goods vehicles 12:30-20:00 get morning windows; orders in
 *       Najafgarh and Nangloi (LGV barred 07:00-11:00 and 17:00-23:00) get midday windows.</li>
 *   <li>Diesel under 10 and petrol under 15 years, PUC and permits valid into 2027; vehicles
 *       registered in HR/UP are BS6, CNG, LNG or electric. Exactly two "problem" vehicles (when the
 *       fleet has room for them): an over-age diesel LGV registered 2014 and one whose PUC expired in 2025.</li>
 *   <li>About {@value #TWO_WINDOW_SHARE} of the day orders outside those areas take goods in two
 *       windows, morning and late afternoon (e.g. 09:00-11:00 and 16:00-18:00).</li>
 *   <li>Each order belongs to its nearest depot. Per depot and shift, total weight and volume stay
 *       under {@value #DEMAND_SHARE} of the capacity of that shift's vehicles, problem vehicles not counted.</li>
 * </ul>
 */
public final class ScenarioGenerator {

    /** Share of a depot's shift capacity (kg and m3) that the generated demand stays under. */
    public static final double DEMAND_SHARE = 0.55;

    /** Share of orders delivered at night by HGV/MGV, where the depot has such vehicles. */
    static final double NIGHT_SHARE = 0.25;

    /** Share of day orders (outside markets and midday-only stretches) given a second window. */
    static final double TWO_WINDOW_SHARE = 0.10;

    static final TimeWindow NIGHT_SHIFT = TimeWindow.of("23:00", "07:00");
    static final TimeWindow ALL_DAY = TimeWindow.of("00:00", "00:00");
    static final LocalDate OVER_AGE_REGISTRATION = LocalDate.of(2014, 3, 17);
    static final LocalDate EXPIRED_PUC = LocalDate.of(2025, 9, 30);

    private record Site(String name, double lat, double lon) {
    }

    /** Okhla, Narela and Mundka first; further depots cycle through more real industrial areas. */
    private static final List<Site> MAIN_SITES = List.of(
            new Site("Okhla Industrial Area", 28.5300, 77.2710),
            new Site("Narela Industrial Area", 28.8420, 77.0910),
            new Site("Mundka Industrial Area", 28.6820, 77.0300));
    private static final List<Site> EXTRA_SITES = List.of(
            new Site("Bawana Industrial Area", 28.7937, 77.0485),
            new Site("Patparganj Industrial Area", 28.6366, 77.3095),
            new Site("Mayapuri Industrial Area", 28.6365, 77.1260),
            new Site("Wazirpur Industrial Area", 28.6985, 77.1650),
            new Site("Naraina Industrial Area", 28.6293, 77.1390),
            new Site("Badli Industrial Area", 28.7410, 77.1390),
            new Site("Jhilmil Industrial Area", 28.6760, 77.3050));

    /** Vehicle classes of a depot's fleet, slot by slot; ten slots give 4 LGV, 2 HGV, 2 MGV, 2 three-wheelers. */
    private static final List<VehicleClass> DEPOT_FLEET_PATTERN = List.of(
            VehicleClass.LGV, VehicleClass.HGV, VehicleClass.THREE_WHEELER, VehicleClass.MGV, VehicleClass.LGV,
            VehicleClass.HGV, VehicleClass.LGV, VehicleClass.MGV, VehicleClass.LGV, VehicleClass.THREE_WHEELER);

    /** Markets where all goods vehicles except three-wheelers are barred 12:30-20:00. */
    private static final Set<String> MORNING_MARKETS = Set.of(
            "Karol Bagh", "Sadar Bazar", "Kamla Nagar", "Gandhi Nagar", "Sarojini Nagar", "Green Park",
            "Lajpat Nagar II", "Yusuf Sarai", "Mahipalpur", "Rajouri Garden", "Tilak Nagar", "Dwarka Sector 10",
            "Chandni Chowk");
    /** Stretches where LGVs are barred 07:00-11:00 and 17:00-23:00. */
    private static final Set<String> MIDDAY_ONLY = Set.of("Najafgarh", "Nangloi");

    private static final List<TimeWindow> NIGHT_WINDOWS = windows("23:00-05:00", "23:30-06:00", "23:00-06:00", "23:30-05:30");
    private static final List<TimeWindow> DAY_WINDOWS = windows(
            "09:00-13:00", "09:00-13:00", "14:00-18:00", "14:00-18:00", "10:00-17:00", "09:00-18:00",
            "10:00-12:00", "12:00-14:00", "15:00-17:00", "16:00-18:00");
    private static final List<TimeWindow> MORNING_WINDOWS = windows("08:00-12:00", "09:00-12:00", "10:00-12:00", "09:00-11:00");
    private static final List<TimeWindow> MIDDAY_WINDOWS = windows("11:00-16:00", "11:30-15:30", "12:00-16:30", "11:00-14:00");

    private static final List<DeliveryWindows> TWO_WINDOWS = List.of(
            DeliveryWindows.of(TimeWindow.of("09:00", "11:00"), TimeWindow.of("16:00", "18:00")),
            DeliveryWindows.of(TimeWindow.of("08:00", "10:00"), TimeWindow.of("14:00", "16:00")),
            DeliveryWindows.of(TimeWindow.of("10:00", "12:00"), TimeWindow.of("17:00", "19:00")));

    private static final List<String> NIGHT_GOODS = List.of(
            "GROCERY", "GROCERY", "GROCERY", "VEGETABLES", "VEGETABLES", "FRUITS", "FRUITS", "CONSTRUCTION_MATERIAL",
            "CONSTRUCTION_MATERIAL", "FURNITURE", "TEXTILES", "TEXTILES", "GENERAL", "GENERAL", "ELECTRONICS", "MILK");
    private static final List<String> DAY_GOODS = List.of(
            "GENERAL", "GENERAL", "GENERAL", "GROCERY", "GROCERY", "GROCERY", "GROCERY", "MILK", "MILK", "MEDICINES",
            "MEDICINES", "VEGETABLES", "VEGETABLES", "FRUITS", "FRUITS", "ELECTRONICS", "ELECTRONICS", "TEXTILES",
            "TEXTILES", "FURNITURE");

    private static final List<String> SURNAMES = List.of(
            "Sharma", "Gupta", "Aggarwal", "Verma", "Singh", "Jain", "Bansal", "Khan", "Mehta", "Malhotra", "Kapoor",
            "Arora", "Goel", "Mittal", "Chopra", "Yadav", "Chauhan", "Saini", "Khanna", "Bhatia", "Garg", "Siddiqui",
            "Qureshi", "Rastogi", "Tyagi", "Sethi", "Ahuja", "Gill", "Dhillon", "Rawat");
    private static final List<String> DEVANAGARI_SURNAMES = List.of(
            "शर्मा", "गुप्ता", "अग्रवाल", "वर्मा", "सिंह", "जैन", "बंसल", "यादव", "मित्तल", "कपूर", "गोयल", "चौहान");
    private static final List<String> COMPLEX_NAMES = List.of("Laxmi", "Ganesh", "Shiv Shakti", "Vardhman", "Ansal", "Jyoti");
    private static final Set<String> OLD_DELHI_PINCODES = Set.of(
            "110006", "110007", "110009", "110031", "110032", "110033", "110034", "110035", "110036", "110039",
            "110040", "110041", "110042", "110043", "110053", "110054", "110084", "110085", "110088", "110089",
            "110091", "110092", "110094", "110095");

    private final ScenarioSpec spec;
    private final SplittableRandom random;
    // Its own stream, so that giving orders a second window left every other draw, and the samples'
    // other fields, as they were.
    private final SplittableRandom secondWindows;
    private final List<Locality> localities = DelhiLocalities.all();

    private ScenarioGenerator(ScenarioSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        this.secondWindows = new SplittableRandom(spec.seed() + 1);
    }

    /** The scenario for {@code spec}; the same spec always gives an equal scenario. */
    public static Scenario generate(ScenarioSpec spec) {
        return new ScenarioGenerator(spec).generate();
    }

    private Scenario generate() {
        List<Depot> depots = depots();
        List<Vehicle> fleet = fleet(depots);
        List<Order> orders = orders(depots, fleet);
        return new Scenario(spec, depots, fleet, orders);
    }

    // ---- depots ----------------------------------------------------------------------------

    private List<Depot> depots() {
        List<Depot> depots = new ArrayList<>();
        for (int i = 0; i < spec.depots(); i++) {
            Site site;
            String name;
            if (i < MAIN_SITES.size()) {
                site = MAIN_SITES.get(i);
                name = site.name();
            } else {
                int extra = i - MAIN_SITES.size();
                site = EXTRA_SITES.get(extra % EXTRA_SITES.size());
                int round = extra / EXTRA_SITES.size();
                name = round == 0 ? site.name() : site.name() + " Unit " + (round + 1);
            }
            depots.add(new Depot("D" + (i + 1), name, new GeoPoint(site.lat(), site.lon()), ALL_DAY));
        }
        return depots;
    }

    // ---- fleet -----------------------------------------------------------------------------

    private List<Vehicle> fleet(List<Depot> depots) {
        int n = depots.size();
        List<VehicleClass[]> classesPerDepot = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            int count = spec.vehicles() / n + (d < spec.vehicles() % n ? 1 : 0);
            VehicleClass[] classes = new VehicleClass[count];
            for (int k = 0; k < count; k++) {
                classes[k] = DEPOT_FLEET_PATTERN.get(k % DEPOT_FLEET_PATTERN.size());
            }
            classesPerDepot.add(classes);
        }
        int[] overAge = problemSlot(classesPerDepot, null);
        int[] expiredPuc = problemSlot(classesPerDepot, overAge);

        List<Vehicle> fleet = new ArrayList<>();
        Set<String> registrations = new TreeSet<>();
        int driver = 0;
        for (int d = 0; d < n; d++) {
            VehicleClass[] classes = classesPerDepot.get(d);
            int dayVehicles = 0;
            for (int k = 0; k < classes.length; k++) {
                VehicleClass vehicleClass = classes[k];
                boolean night = isNightClass(vehicleClass);
                TimeWindow shift = night ? NIGHT_SHIFT : dayShift(dayVehicles++);
                Problem problem = sameSlot(overAge, d, k) ? Problem.OVER_AGE
                        : sameSlot(expiredPuc, d, k) ? Problem.EXPIRED_PUC : Problem.NONE;
                fleet.add(vehicle(depots.get(d).id(), vehicleClass, shift, problem, registrations, ++driver));
            }
        }
        return fleet;
    }

    private enum Problem { NONE, OVER_AGE, EXPIRED_PUC }

    /**
     * The (depot, slot) of an LGV that can be spared because its depot keeps another day vehicle:
     * the first such LGV from the first depot on; the second one from the last depot backwards.
     */
    private static int[] problemSlot(List<VehicleClass[]> classesPerDepot, int[] taken) {
        int n = classesPerDepot.size();
        List<Integer> depotOrder = new ArrayList<>();
        if (taken == null) {
            for (int d = 0; d < n; d++) {
                depotOrder.add(d);
            }
        } else {
            for (int d = n - 1; d >= 0; d--) {
                if (d != taken[0]) {
                    depotOrder.add(d);
                }
            }
            depotOrder.add(taken[0]);
        }
        for (int d : depotOrder) {
            VehicleClass[] classes = classesPerDepot.get(d);
            long dayVehicles = Arrays.stream(classes).filter(c -> !isNightClass(c)).count();
            long alreadyTaken = taken != null && taken[0] == d ? 1 : 0;
            if (dayVehicles - alreadyTaken < 2) {
                continue;
            }
            for (int k = 0; k < classes.length; k++) {
                if (classes[k] == VehicleClass.LGV && !sameSlot(taken, d, k)) {
                    return new int[] {d, k};
                }
            }
        }
        return null;
    }

    private static boolean sameSlot(int[] slot, int depot, int index) {
        return slot != null && slot[0] == depot && slot[1] == index;
    }

    static boolean isNightClass(VehicleClass vehicleClass) {
        return vehicleClass == VehicleClass.HGV || vehicleClass == VehicleClass.MGV;
    }

    private static TimeWindow dayShift(int dayVehicleIndex) {
        return dayVehicleIndex % 3 == 1 ? TimeWindow.of("07:00", "15:00") : TimeWindow.of("08:00", "20:00");
    }

    private Vehicle vehicle(String depotId, VehicleClass vehicleClass, TimeWindow shift, Problem problem,
                            Set<String> registrations, int driverNumber) {
        Fuel fuel = problem == Problem.OVER_AGE ? Fuel.DIESEL : fuel(vehicleClass);
        if (problem == Problem.EXPIRED_PUC && fuel == Fuel.ELECTRIC) {
            fuel = Fuel.CNG; // an electric vehicle carries no PUC
        }
        LocalDate registered = problem == Problem.OVER_AGE
                ? OVER_AGE_REGISTRATION
                : LocalDate.of(2019, 1, 1).plusDays(random.nextInt(7 * 365));
        EmissionNorm norm = fuel == Fuel.ELECTRIC || !registered.isBefore(LocalDate.of(2020, 4, 1))
                ? EmissionNorm.BS6 : EmissionNorm.BS4;
        String state = problem != Problem.NONE ? "DL" : state();
        boolean cleanEnoughForOutsiders = norm == EmissionNorm.BS6
                || fuel == Fuel.CNG || fuel == Fuel.LNG || fuel == Fuel.ELECTRIC;
        if (!cleanEnoughForOutsiders) {
            state = "DL";
        }

        double capacityKg;
        double capacityM3;
        int kerbKg;
        double costPerKm;
        double fixedCost;
        switch (vehicleClass) {
            case HGV -> {
                capacityKg = roundTo(between(12_000, 16_000), 100);
                capacityM3 = Math.min(60, Math.max(40, roundTo(40 + (capacityKg - 12_000) / 4_000 * 20 + between(-2, 2), 0.5)));
                kerbKg = (int) roundTo(between(6_000, 9_000), 100);
                costPerKm = between(38, 48);
                fixedCost = roundTo(between(4_000, 5_000), 50);
            }
            case MGV -> {
                capacityKg = roundTo(between(6_000, 9_000), 100);
                capacityM3 = roundTo(25 + (capacityKg - 6_000) / 3_000 * 10, 0.5);
                kerbKg = (int) Math.min(12_000 - capacityKg, roundTo(between(2_600, 3_200), 100));
                costPerKm = between(26, 32);
                fixedCost = roundTo(between(2_500, 3_200), 50);
            }
            case LGV -> {
                capacityKg = roundTo(between(1_000, 2_500), 50);
                capacityM3 = roundTo(6 + (capacityKg - 1_000) / 1_500 * 6, 0.5);
                kerbKg = (int) roundTo(between(1_200, 2_000), 50);
                costPerKm = between(14, 20);
                fixedCost = roundTo(between(1_200, 1_800), 50);
            }
            default -> {
                capacityKg = roundTo(between(400, 600), 25);
                capacityM3 = roundTo(2 + (capacityKg - 400) / 200, 0.5);
                kerbKg = (int) roundTo(between(350, 450), 10);
                costPerKm = between(6, 9);
                fixedCost = roundTo(between(600, 900), 50);
            }
        }
        if (fuel == Fuel.ELECTRIC) {
            costPerKm *= 0.6;
        } else if (fuel == Fuel.CNG || fuel == Fuel.LNG || fuel == Fuel.PETROL_CNG) {
            costPerKm *= 0.85;
        }
        int gvwKg = (int) capacityKg + kerbKg;
        int axles = gvwKg > 18_500 ? 3 : 2;

        LocalDate pucValidUntil = problem == Problem.EXPIRED_PUC
                ? EXPIRED_PUC
                : LocalDate.of(2027, 1, 1).plusDays(random.nextInt(365));
        LocalDate permitValidUntil = LocalDate.of(2027, 6, 1).plusDays(random.nextInt(3 * 365));

        String id = registration(state, registrations);
        return new Vehicle(id, depotId, vehicleClass, fuel, norm, registered, state, gvwKg, axles,
                capacityKg, capacityM3, shift, round(costPerKm, 2), fixedCost,
                String.format("DRV%03d", driverNumber), pucValidUntil, permitValidUntil,
                // a vehicle from outside Delhi that delivers here carries a permit valid in its state and Delhi
                List.of(state, "DL"));
    }

    private Fuel fuel(VehicleClass vehicleClass) {
        int r = random.nextInt(100);
        return switch (vehicleClass) {
            case HGV -> r < 60 ? Fuel.DIESEL : r < 80 ? Fuel.LNG : Fuel.CNG;
            case MGV -> r < 50 ? Fuel.DIESEL : r < 90 ? Fuel.CNG : Fuel.ELECTRIC;
            case LGV -> r < 25 ? Fuel.DIESEL : r < 60 ? Fuel.CNG : r < 85 ? Fuel.ELECTRIC : r < 95 ? Fuel.PETROL : Fuel.PETROL_CNG;
            case THREE_WHEELER -> r < 60 ? Fuel.ELECTRIC : Fuel.CNG;
        };
    }

    private String state() {
        int r = random.nextInt(100);
        return r < 70 ? "DL" : r < 85 ? "HR" : "UP";
    }

    private String registration(String state, Set<String> taken) {
        while (true) {
            String prefix = switch (state) {
                case "HR" -> pick(List.of("HR55", "HR38", "HR63", "HR26"));
                case "UP" -> pick(List.of("UP16", "UP14", "UP15"));
                default -> "DL" + (1 + random.nextInt(13)) + pick(List.of("L", "G"));
            };
            String letters = "" + letter() + letter();
            String id = prefix + letters + String.format("%04d", 1 + random.nextInt(9_999));
            if (taken.add(id)) {
                return id;
            }
        }
    }

    private char letter() {
        String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ"; // no I, O, Q on plates
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }

    // ---- orders ----------------------------------------------------------------------------

    /** An order while it is being made: its load is fitted to the depot's capacity before it becomes an {@link Order}. */
    private static final class Draft {
        Locality locality;
        GeoPoint location;
        int depot;
        boolean night;
        String goodsType;
        double weightKg;
        double volumeM3;
        DeliveryWindows windows;
        int serviceMinutes;
        int priority;
        String customerName;
        String phone;
        String address;
    }

    private List<Order> orders(List<Depot> depots, List<Vehicle> fleet) {
        double[][] capacityKg = new double[depots.size()][2];
        double[][] capacityM3 = new double[depots.size()][2];
        for (Vehicle v : fleet) {
            if (isProblem(v)) {
                continue;
            }
            int d = depotIndex(depots, v.depotId());
            int s = isNightClass(v.vehicleClass()) ? 1 : 0;
            capacityKg[d][s] += v.capacityKg();
            capacityM3[d][s] += v.capacityM3();
        }

        List<List<Locality>> nearestLocalities = new ArrayList<>();
        for (int d = 0; d < depots.size(); d++) {
            nearestLocalities.add(new ArrayList<>());
        }
        for (Locality locality : localities) {
            nearestLocalities.get(nearestDepot(depots, locality.centre())).add(locality);
        }
        List<Integer> servedDepots = new ArrayList<>();
        for (int d = 0; d < depots.size(); d++) {
            if (!nearestLocalities.get(d).isEmpty()) {
                servedDepots.add(d);
            }
        }

        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < spec.orders(); i++) {
            // pick a depot first so that orders spread evenly over the depots, then a locality near it
            List<Locality> near = nearestLocalities.get(servedDepots.get(random.nextInt(servedDepots.size())));
            Draft draft = new Draft();
            draft.locality = near.get(random.nextInt(near.size()));
            draft.location = jitter(draft.locality.centre(), 400);
            draft.depot = nearestDepot(depots, draft.location);
            boolean hasNight = capacityKg[draft.depot][1] > 0;
            boolean hasDay = capacityKg[draft.depot][0] > 0;
            double draw = random.nextDouble();
            draft.night = hasNight && (!hasDay || draw < NIGHT_SHARE);
            fillOrder(draft);
            drafts.add(draft);
        }

        for (int d = 0; d < depots.size(); d++) {
            for (int s = 0; s <= 1; s++) {
                boolean night = s == 1;
                int depot = d;
                List<Draft> group = drafts.stream().filter(o -> o.depot == depot && o.night == night).toList();
                double minKg = night ? 300 : 10;
                fitWeights(group, DEMAND_SHARE * capacityKg[d][s], minKg);
                fitVolumes(group, DEMAND_SHARE * capacityM3[d][s]);
            }
        }

        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft o = drafts.get(i);
            orders.add(new Order(String.format("ORD-%04d", i + 1), o.customerName, o.phone, o.address,
                    o.locality.pincode(), o.location, o.weightKg, o.volumeM3, o.windows, o.serviceMinutes,
                    o.priority, depots.get(o.depot).id(), o.goodsType));
        }
        return orders;
    }

    private void fillOrder(Draft o) {
        String locality = o.locality.name();
        if (o.night) {
            o.goodsType = pick(NIGHT_GOODS);
            o.weightKg = 300 + 2_200 * Math.pow(random.nextDouble(), 1.5);
            o.windows = DeliveryWindows.of(pick(NIGHT_WINDOWS));
            o.serviceMinutes = 20 + 5 * random.nextInt(5);
        } else {
            o.goodsType = pick(DAY_GOODS);
            o.weightKg = 10 + 290 * Math.pow(random.nextDouble(), 2);
            boolean restricted = MORNING_MARKETS.contains(locality) || MIDDAY_ONLY.contains(locality);
            o.windows = DeliveryWindows.of(pick(MORNING_MARKETS.contains(locality) ? MORNING_WINDOWS
                    : MIDDAY_ONLY.contains(locality) ? MIDDAY_WINDOWS : DAY_WINDOWS));
            double draw = secondWindows.nextDouble();
            int pair = secondWindows.nextInt(TWO_WINDOWS.size());
            if (!restricted && draw < TWO_WINDOW_SHARE) {
                o.windows = TWO_WINDOWS.get(pair);
            }
            o.serviceMinutes = 5 + random.nextInt(11);
        }
        o.volumeM3 = o.weightKg / (density(o.goodsType) * between(0.85, 1.15));
        o.priority = priority(o.goodsType);
        o.customerName = customerName(o.goodsType, o.night);
        o.phone = random.nextInt(100) < 8 ? "" : phone();
        o.address = address(locality, o.locality.pincode(), o.night);
    }

    /**
     * Scales the part of each weight above {@code minKg} so the group's total stays under the
     * budget; volumes follow their weights. Rounds down to 0.1 kg so rounding never adds weight.
     */
    private static void fitWeights(List<Draft> group, double budgetKg, double minKg) {
        double total = group.stream().mapToDouble(o -> o.weightKg).sum();
        double floor = group.size() * minKg;
        for (Draft o : group) {
            double kgPerM3 = o.weightKg / o.volumeM3;
            double kg = o.weightKg;
            if (total > budgetKg) {
                kg = budgetKg > floor
                        ? minKg + (kg - minKg) * (budgetKg - floor) / (total - floor)
                        : kg * budgetKg / total;
            }
            o.weightKg = Math.max(0.1, Math.floor(kg * 10 + 1e-6) / 10);
            o.volumeM3 = o.weightKg / kgPerM3;
        }
    }

    /** Scales volumes down if the group's total exceeds the budget; rounds down to 0.001 m3. */
    private static void fitVolumes(List<Draft> group, double budgetM3) {
        double total = group.stream().mapToDouble(o -> o.volumeM3).sum();
        double factor = total > budgetM3 ? budgetM3 / total : 1;
        for (Draft o : group) {
            o.volumeM3 = Math.max(0.001, Math.floor(o.volumeM3 * factor * 1000) / 1000);
        }
    }

    private static double density(String goodsType) {
        return switch (goodsType) {
            case "MILK" -> 600;
            case "VEGETABLES" -> 450;
            case "FRUITS" -> 400;
            case "GROCERY" -> 500;
            case "ELECTRONICS" -> 200;
            case "TEXTILES" -> 300;
            case "FURNITURE" -> 150;
            case "CONSTRUCTION_MATERIAL" -> 1_400;
            default -> 250; // GENERAL, MEDICINES
        };
    }

    private int priority(String goodsType) {
        int r = random.nextInt(100);
        if ("MEDICINES".equals(goodsType) || "MILK".equals(goodsType)) {
            return r < 30 ? 1 : r < 70 ? 2 : 3;
        }
        return r < 5 ? 1 : r < 20 ? 2 : r < 70 ? 3 : r < 90 ? 4 : 5;
    }

    private String customerName(String goodsType, boolean night) {
        if (random.nextInt(100) < 4) {
            return devanagariName(goodsType);
        }
        String surname = pick(SURNAMES);
        String business = switch (goodsType) {
            case "MILK" -> pick(List.of("Dairy", "Milk Centre", "Sweets"));
            case "VEGETABLES" -> pick(List.of("Sabzi Bhandar", "Vegetable Suppliers"));
            case "FRUITS" -> pick(List.of("Fruit Mart", "Fruit Traders"));
            case "MEDICINES" -> pick(List.of("Medicos", "Medical Store", "Pharmacy", "Chemists"));
            case "GROCERY" -> pick(List.of("Kirana Store", "Provision Store", "Supermart", "General Store"));
            case "ELECTRONICS" -> pick(List.of("Electronics", "Mobile Point", "Electricals"));
            case "TEXTILES" -> pick(List.of("Textiles", "Cloth House", "Fabrics"));
            case "FURNITURE" -> pick(List.of("Furniture House", "Furnishers"));
            case "CONSTRUCTION_MATERIAL" -> pick(List.of("Building Materials", "Hardware & Sanitary", "Cement Store"));
            default -> pick(List.of("Traders", "Enterprises", "& Sons", "General Store"));
        };
        String name = surname + " " + business;
        return night && random.nextInt(3) == 0 ? name + " (Wholesale)" : name;
    }

    /** A shop name in Devanagari, so that reports exercise Hindi fonts. */
    private String devanagariName(String goodsType) {
        String business = switch (goodsType) {
            case "GROCERY" -> "किराना स्टोर";
            case "MILK" -> "डेयरी";
            case "MEDICINES" -> "मेडिकल स्टोर";
            case "FRUITS" -> "फल भंडार";
            case "VEGETABLES" -> "सब्ज़ी भंडार";
            case "TEXTILES" -> "वस्त्रालय";
            case "CONSTRUCTION_MATERIAL" -> "बिल्डिंग मटेरियल";
            case "ELECTRONICS" -> "इलेक्ट्रॉनिक्स";
            case "FURNITURE" -> "फर्नीचर हाउस";
            default -> "ट्रेडर्स";
        };
        return pick(DEVANAGARI_SURNAMES) + " " + business;
    }

    private String phone() {
        return "+91" + (7 + random.nextInt(3)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    private String address(String locality, String pincode, boolean night) {
        int n = 1 + random.nextInt(120);
        String block = String.valueOf(letter());
        String street;
        if (night) {
            street = switch (random.nextInt(3)) {
                case 0 -> "Godown " + n + ", " + locality;
                case 1 -> "Plot " + n + ", Block " + block + ", " + locality;
                default -> "Warehouse " + n + ", Main Road, " + locality;
            };
        } else {
            street = switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> "Shop " + n + ", Main Market, " + locality;
                case 4, 5 -> n + ", Block " + block + ", " + locality;
                case 6, 7 -> n + "/" + (1 + random.nextInt(30)) + ", Gali No. " + (1 + random.nextInt(15)) + ", " + locality;
                case 8 -> "Shop " + n + ", Ground Floor, Pocket " + block + ", " + locality;
                default -> "Shop " + n + ", \"" + pick(COMPLEX_NAMES) + " Complex\", " + locality;
            };
        }
        return street + ", " + (OLD_DELHI_PINCODES.contains(pincode) ? "Delhi" : "New Delhi");
    }

    // ---- geometry and helpers --------------------------------------------------------------

    private GeoPoint jitter(GeoPoint centre, double maxMetres) {
        double r = maxMetres * Math.sqrt(random.nextDouble());
        double angle = 2 * Math.PI * random.nextDouble();
        double lat = centre.lat() + r * Math.cos(angle) / 111_320;
        double lon = centre.lon() + r * Math.sin(angle) / (111_320 * Math.cos(Math.toRadians(centre.lat())));
        return new GeoPoint(round(lat, 6), round(lon, 6));
    }

    private static int nearestDepot(List<Depot> depots, GeoPoint point) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int d = 0; d < depots.size(); d++) {
            double distance = squaredDistance(depots.get(d).location(), point);
            if (distance < bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Equirectangular squared distance: enough to rank depots within one city. */
    private static double squaredDistance(GeoPoint a, GeoPoint b) {
        double dLat = a.lat() - b.lat();
        double dLon = (a.lon() - b.lon()) * Math.cos(Math.toRadians((a.lat() + b.lat()) / 2));
        return dLat * dLat + dLon * dLon;
    }

    private static int depotIndex(List<Depot> depots, String id) {
        for (int d = 0; d < depots.size(); d++) {
            if (depots.get(d).id().equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no depot " + id);
    }

    /** True for the two deliberate problem vehicles: over-age diesel or expired PUC. */
    static boolean isProblem(Vehicle v) {
        return v.registrationDate().equals(OVER_AGE_REGISTRATION) || v.pucValidUntil().equals(EXPIRED_PUC);
    }

    private double between(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static double roundTo(double value, double step) {
        return Math.round(value / step) * step;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static List<TimeWindow> windows(String... ranges) {
        List<TimeWindow> windows = new ArrayList<>();
        for (String range : ranges) {
            String[] parts = range.split("-");
            windows.add(TimeWindow.of(parts[0], parts[1]));
        }
        return List.copyOf(windows);
    }
}
