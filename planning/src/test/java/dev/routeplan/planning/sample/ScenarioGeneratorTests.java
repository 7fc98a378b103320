package dev.routeplan.planning.sample;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioGeneratorTests {

    private static final Scenario SAMPLES = ScenarioGenerator.generate(ScenarioSpec.SAMPLES);
    /** A plan date when the samples were made; the fleet must be legal then, PUC valid into 2027. */
    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 11, 27);
    private static final LocalTime NO_ENTRY_START = LocalTime.of(7, 0);
    private static final LocalTime NO_ENTRY_END = LocalTime.of(23, 0);
    private static final Set<String> GOODS_TYPES = Set.of("GENERAL", "MILK", "VEGETABLES", "FRUITS", "MEDICINES",
            "GROCERY", "ELECTRONICS", "TEXTILES", "FURNITURE", "CONSTRUCTION_MATERIAL");

    static Stream<ScenarioSpec> specs() {
        return Stream.of(ScenarioSpec.SAMPLES, new ScenarioSpec(7, 50, 1, 4), new ScenarioSpec(2026, 400, 5, 37),
                new ScenarioSpec(-1, 120, 12, 12), new ScenarioSpec(3, 1000, 3, 30));
    }

    @Test
    void sameSeedWritesIdenticalFiles(@TempDir Path first, @TempDir Path second) throws Exception {
        // given
        ScenarioSpec spec = new ScenarioSpec(42, 300, 3, 30);
        // when
        ScenarioWriter.write(ScenarioGenerator.generate(spec), first);
        ScenarioWriter.write(ScenarioGenerator.generate(spec), second);
        // then
        for (String file : List.of(ScenarioWriter.DEPOTS_FILE, ScenarioWriter.FLEET_FILE, ScenarioWriter.ORDERS_FILE)) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void differentSeedGivesDifferentOrders() {
        Scenario other = ScenarioGenerator.generate(new ScenarioSpec(43, 300, 3, 30));
        assertThat(ScenarioWriter.ordersCsv(other.orders())).isNotEqualTo(ScenarioWriter.ordersCsv(SAMPLES.orders()));
    }

    @Test
    void samplesHaveTheAgreedShape() {
        assertThat(SAMPLES.depots()).extracting(Depot::id).containsExactly("D1", "D2", "D3");
        assertThat(SAMPLES.depots()).extracting(Depot::name)
                .containsExactly("Okhla Industrial Area", "Narela Industrial Area", "Mundka Industrial Area");
        assertThat(SAMPLES.depots()).allSatisfy(d -> assertThat(d.openingHours()).isEqualTo(TimeWindow.of("00:00", "00:00")));
        assertThat(SAMPLES.orders()).hasSize(300);
        assertThat(SAMPLES.fleet()).hasSize(30);
        for (Depot depot : SAMPLES.depots()) {
            List<VehicleClass> classes = SAMPLES.fleet().stream()
                    .filter(v -> v.depotId().equals(depot.id())).map(Vehicle::vehicleClass).toList();
            assertThat(classes).as(depot.id()).hasSize(10);
            assertThat(classes.stream().filter(c -> c == VehicleClass.HGV)).hasSize(2);
            assertThat(classes.stream().filter(c -> c == VehicleClass.MGV)).hasSize(2);
            assertThat(classes.stream().filter(c -> c == VehicleClass.LGV)).hasSize(4);
            assertThat(classes.stream().filter(c -> c == VehicleClass.THREE_WHEELER)).hasSize(2);
            assertThat(SAMPLES.orders().stream().filter(o -> o.depotId().equals(depot.id())).count())
                    .as("orders of " + depot.id()).isBetween(70L, 130L);
        }
        long night = SAMPLES.orders().stream().filter(o -> o.windows().crossesMidnight()).count();
        assertThat(night).isBetween(55L, 95L);
        assertThat(SAMPLES.fleet()).extracting(Vehicle::fuel).contains(Fuel.DIESEL, Fuel.CNG, Fuel.ELECTRIC, Fuel.PETROL);
        assertThat(SAMPLES.orders()).extracting(Order::customerName).anyMatch(n -> n.codePoints().anyMatch(c -> c >= 0x0900 && c <= 0x097F));
        assertThat(SAMPLES.orders()).extracting(Order::phone).contains("");
        assertThat(SAMPLES.orders()).extracting(Order::address).allMatch(a -> a.contains(","));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void ordersLieInDelhiWithPincodesAndValidFields(ScenarioSpec spec) {
        Scenario scenario = ScenarioGenerator.generate(spec);
        Set<String> depotIds = Set.copyOf(scenario.depots().stream().map(Depot::id).toList());
        assertThat(scenario.orders()).hasSize(spec.orders()).allSatisfy(o -> {
            assertThat(o.location().lat()).as(o.id()).isBetween(28.40, 28.90);
            assertThat(o.location().lon()).as(o.id()).isBetween(76.84, 77.35);
            assertThat(o.pincode()).as(o.id()).matches("110\\d{3}");
            assertThat(Integer.parseInt(o.pincode())).isBetween(110001, 110096);
            assertThat(o.priority()).isBetween(1, 5);
            assertThat(o.phone()).matches("(\\+91[6-9]\\d{9})?");
            assertThat(o.goodsType()).isIn(GOODS_TYPES);
            assertThat(o.depotId()).isIn(depotIds);
            assertThat(o.weightKg()).isPositive();
            assertThat(o.volumeM3()).isPositive();
        });
        assertThat(scenario.orders()).extracting(Order::id).doesNotHaveDuplicates();
        assertThat(scenario.fleet()).extracting(Vehicle::id).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyOrderBelongsToItsNearestDepot(ScenarioSpec spec) {
        Scenario scenario = ScenarioGenerator.generate(spec);
        for (Order order : scenario.orders()) {
            Depot nearest = scenario.depots().stream()
                    .min((a, b) -> Double.compare(km(a.location(), order.location()), km(b.location(), order.location())))
                    .orElseThrow();
            assertThat(km(depotOf(scenario, order).location(), order.location()))
                    .as(order.id()).isLessThanOrEqualTo(km(nearest.location(), order.location()) + 0.01);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void nightOrdersCrossMidnightAndDayOrdersStayInDaylight(ScenarioSpec spec) {
        for (Order o : ScenarioGenerator.generate(spec).orders()) {
            for (TimeWindow w : o.windows().windows()) {
                if (w.crossesMidnight()) {
                    assertThat(w.start()).as(o.id()).isAfterOrEqualTo(NO_ENTRY_END);
                    assertThat(w.end()).as(o.id()).isBeforeOrEqualTo(NO_ENTRY_START);
                    assertThat(o.serviceMinutes()).isBetween(20, 40);
                } else {
                    assertThat(w.start()).as(o.id()).isAfterOrEqualTo(NO_ENTRY_START);
                    assertThat(w.end()).as(o.id()).isBeforeOrEqualTo(NO_ENTRY_END);
                    assertThat(o.serviceMinutes()).isBetween(5, 15);
                    assertThat(o.weightKg()).isLessThanOrEqualTo(300);
                }
                assertThat(w.lengthSeconds()).as(o.id()).isGreaterThanOrEqualTo(2 * 3600);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aTenthOfDayOrdersTakeGoodsInTwoWindowsTheSameForTheSameSeed(ScenarioSpec spec) {
        List<Order> orders = ScenarioGenerator.generate(spec).orders();
        List<Order> day = orders.stream().filter(o -> !o.windows().crossesMidnight()).toList();
        List<String> twoWindows = orders.stream().filter(o -> o.windows().hasTwo()).map(Order::id).toList();
        assertThat(twoWindows).allSatisfy(id -> assertThat(day).extracting(Order::id).contains(id));
        if (day.size() >= 100) {
            assertThat((double) twoWindows.size() / day.size()).as("share of day orders with two windows").isBetween(0.04, 0.14);
        }
        assertThat(ScenarioGenerator.generate(spec).orders().stream().filter(o -> o.windows().hasTwo()).map(Order::id))
                .containsExactlyElementsOf(twoWindows);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void heavyVehiclesWorkNightsAndLightVehiclesDays(ScenarioSpec spec) {
        for (Vehicle v : ScenarioGenerator.generate(spec).fleet()) {
            if (v.vehicleClass() == VehicleClass.HGV || v.vehicleClass() == VehicleClass.MGV) {
                assertThat(v.shift().crossesMidnight()).as(v.id()).isTrue();
                assertThat(v.shift().start()).isAfterOrEqualTo(NO_ENTRY_END);
                assertThat(v.shift().end()).isBeforeOrEqualTo(NO_ENTRY_START);
            } else {
                assertThat(v.shift().crossesMidnight()).as(v.id()).isFalse();
            }
            int gvw = v.gvwKg();
            switch (v.vehicleClass()) {
                case HGV -> {
                    assertThat(gvw).isGreaterThan(12_000);
                    assertThat(v.capacityKg()).isBetween(12_000.0, 16_000.0);
                    assertThat(v.capacityM3()).isBetween(40.0, 60.0);
                }
                case MGV -> {
                    assertThat(gvw).isBetween(7_501, 12_000);
                    assertThat(v.capacityKg()).isBetween(6_000.0, 9_000.0);
                    assertThat(v.capacityM3()).isBetween(25.0, 35.0);
                }
                case LGV -> {
                    assertThat(gvw).isLessThanOrEqualTo(7_500);
                    assertThat(v.capacityKg()).isBetween(1_000.0, 2_500.0);
                    assertThat(v.capacityM3()).isBetween(6.0, 12.0);
                }
                case THREE_WHEELER -> {
                    assertThat(gvw).isLessThanOrEqualTo(7_500);
                    assertThat(v.capacityKg()).isBetween(400.0, 600.0);
                    assertThat(v.capacityM3()).isBetween(2.0, 3.0);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void demandPerDepotAndShiftStaysUnderSixtyPercentOfCapacity(ScenarioSpec spec) {
        Scenario scenario = ScenarioGenerator.generate(spec);
        for (Depot depot : scenario.depots()) {
            for (boolean night : List.of(true, false)) {
                List<Vehicle> vehicles = scenario.fleet().stream()
                        .filter(v -> v.depotId().equals(depot.id()) && v.shift().crossesMidnight() == night)
                        .filter(v -> !ScenarioGenerator.isProblem(v)).toList();
                List<Order> orders = scenario.orders().stream()
                        .filter(o -> o.depotId().equals(depot.id()) && o.windows().crossesMidnight() == night).toList();
                double kg = orders.stream().mapToDouble(Order::weightKg).sum();
                double m3 = orders.stream().mapToDouble(Order::volumeM3).sum();
                String what = depot.id() + (night ? " night" : " day");
                assertThat(kg).as(what + " kg").isLessThanOrEqualTo(0.6 * vehicles.stream().mapToDouble(Vehicle::capacityKg).sum());
                assertThat(m3).as(what + " m3").isLessThanOrEqualTo(0.6 * vehicles.stream().mapToDouble(Vehicle::capacityM3).sum());
                double biggestKg = vehicles.stream().mapToDouble(Vehicle::capacityKg).max().orElse(0);
                double biggestM3 = vehicles.stream().mapToDouble(Vehicle::capacityM3).max().orElse(0);
                assertThat(orders).allSatisfy(o -> {
                    assertThat(o.weightKg()).as(o.id()).isLessThanOrEqualTo(biggestKg);
                    assertThat(o.volumeM3()).as(o.id()).isLessThanOrEqualTo(biggestM3);
                });
            }
        }
    }

    @Test
    void sampleFleetIsLegalExceptExactlyTwoProblemVehicles() {
        List<Vehicle> problems = SAMPLES.fleet().stream().filter(v -> !legalOn(v, PLAN_DATE)).toList();
        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(v -> {
            assertThat(v.vehicleClass()).isEqualTo(VehicleClass.LGV);
            assertThat(v.fuel()).isEqualTo(Fuel.DIESEL);
            assertThat(v.registrationDate().getYear()).isEqualTo(2014);
        });
        assertThat(problems).anySatisfy(v -> assertThat(v.pucValidUntil().getYear()).isEqualTo(2025));
        assertThat(problems).allMatch(ScenarioGenerator::isProblem);
        assertThat(SAMPLES.fleet().stream().filter(ScenarioGenerator::isProblem)).hasSize(2);
        assertThat(SAMPLES.fleet()).filteredOn(v -> !ScenarioGenerator.isProblem(v)).allSatisfy(v -> {
            assertThat(v.registrationDate().getYear()).isBetween(2019, 2025);
            assertThat(v.pucValidUntil().getYear()).isGreaterThanOrEqualTo(2027);
            assertThat(v.permitValidUntil().getYear()).isGreaterThanOrEqualTo(2027);
        });
    }

    @ParameterizedTest
    @MethodSource("specs")
    void vehiclesFromOutsideDelhiAreCleanEnoughToEnter(ScenarioSpec spec) {
        assertThat(ScenarioGenerator.generate(spec).fleet()).allSatisfy(v -> {
            assertThat(v.registrationState()).isIn("DL", "HR", "UP");
            if (!v.registeredInDelhi()) {
                assertThat(v.emissionNorm() == EmissionNorm.BS6
                        || Set.of(Fuel.CNG, Fuel.LNG, Fuel.ELECTRIC).contains(v.fuel())).as(v.id()).isTrue();
            }
        });
    }

    @Test
    void writerQuotesFieldsPerRfc4180() {
        assertThat(ScenarioWriter.line(List.of("ORD-1", "Shop 7, \"Laxmi Complex\", Saket", "", "plain")))
                .isEqualTo("ORD-1,\"Shop 7, \"\"Laxmi Complex\"\", Saket\",,plain\n");
    }

    private static boolean legalOn(Vehicle v, LocalDate planDate) {
        int age = Period.between(v.registrationDate(), planDate).getYears();
        boolean ageOk = switch (v.fuel()) {
            case DIESEL -> age < 10;
            case PETROL, PETROL_CNG -> age < 15;
            default -> true;
        };
        return ageOk && !v.pucValidUntil().isBefore(planDate) && !v.permitValidUntil().isBefore(planDate);
    }

    private static Depot depotOf(Scenario scenario, Order order) {
        return scenario.depots().stream().filter(d -> d.id().equals(order.depotId())).findFirst().orElseThrow();
    }

    private static double km(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371 * Math.asin(Math.sqrt(h));
    }
}
