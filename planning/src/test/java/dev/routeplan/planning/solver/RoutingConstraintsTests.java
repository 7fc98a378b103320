package dev.routeplan.planning.solver;

import static dev.routeplan.planning.solver.RouteSolverTests.OKHLA;
import static dev.routeplan.planning.solver.RouteSolverTests.lgv;
import static dev.routeplan.planning.solver.RouteSolverTests.order;
import static dev.routeplan.planning.solver.RouteSolverTests.vehicle;
import static dev.routeplan.planning.solver.RouteSolverTests.withPriority;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.domain.ZoneNoEntry;
import dev.routeplan.planning.problem.DriverLimits;
import dev.routeplan.planning.problem.ZoneHits;
import dev.routeplan.planning.travel.HaversineTravelModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * Each rule of {@link RoutingConstraints} alone, on the smallest plan that breaks it and one that
 * keeps it: one depot (Okhla), one vehicle, one or two orders, timed as the solver times them and
 * scored by OptaPlanner's own score analysis.
 */
class RoutingConstraintsTests {

    static final long HOUR = 3600;
    static final GeoPoint NEAR = new GeoPoint(28.545, 77.262);
    static final GeoPoint FURTHER = new GeoPoint(28.600, 77.230);
    static final TimeWindow ALL_DAY = TimeWindow.of("08:00", "20:00");
    static final TimeWindow ROUND_THE_CLOCK = TimeWindow.of("00:00", "00:00");

    private static final SolutionManager<DepotRoutingSolution, BendableLongScore> SCORING =
            SolutionManager.create(SolverFactory.create(RouteSolver.config(SolverSettings.ofSeconds(1))));

    // ---- weight and volume

    @Test
    void aRouteLoadedOverItsWeightCapacityIsPenalisedByTheExcessGrams() {
        Plan plan = Plan.on(lgv("LGV-1", 100)).serving(order("A", NEAR.lat(), NEAR.lon(), 150, ALL_DAY));

        assertThat(plan.match(RoutingConstraints.WEIGHT_CAPACITY)).isEqualTo(new Match(1, hard(-50_000)));
    }

    @Test
    void aRouteLoadedToExactlyItsWeightCapacityBreaksNothing() {
        Plan plan = Plan.on(lgv("LGV-1", 100)).serving(order("A", NEAR.lat(), NEAR.lon(), 60, ALL_DAY),
                order("B", FURTHER.lat(), FURTHER.lon(), 40, ALL_DAY));

        assertThat(plan.matches(RoutingConstraints.WEIGHT_CAPACITY)).isEmpty();
        assertThat(plan.score().hardScore(0)).isZero();
    }

    @Test
    void aRouteLoadedOverItsVolumeCapacityIsPenalisedByTheExcessLitres() {
        // the LGV of 100 kg holds 1 m3
        Plan plan = Plan.on(lgv("LGV-1", 100)).serving(withVolume(order("A", NEAR.lat(), NEAR.lon(), 50, ALL_DAY), 1.5));

        assertThat(plan.match(RoutingConstraints.VOLUME_CAPACITY)).isEqualTo(new Match(1, hard(-500)));
        assertThat(plan.matches(RoutingConstraints.WEIGHT_CAPACITY)).isEmpty();
    }

    @Test
    void aRouteLoadedToExactlyItsVolumeCapacityBreaksNothing() {
        Plan plan = Plan.on(lgv("LGV-1", 100)).serving(withVolume(order("A", NEAR.lat(), NEAR.lon(), 50, ALL_DAY), 1.0));

        assertThat(plan.matches(RoutingConstraints.VOLUME_CAPACITY)).isEmpty();
        assertThat(plan.score().hardScore(0)).isZero();
    }

    // ---- time window

    @Test
    void anArrivalAfterTheWindowClosedIsPenalisedByTheSecondsLate() {
        // the window closes at 07:00, before the 08:00 shift even starts
        Plan plan = Plan.on(lgv("LGV-1", 1000)).serving(order("A", NEAR.lat(), NEAR.lon(), 50, TimeWindow.of("06:00", "07:00")));
        long arrival = plan.visit(0).getArrival();

        assertThat(arrival).isGreaterThan(8 * HOUR);
        // windows are half-open: arriving at 07:00:00 sharp is already one second late
        assertThat(plan.match(RoutingConstraints.TIME_WINDOW)).isEqualTo(new Match(1, hard(-(arrival - 7 * HOUR + 1))));
    }

    @Test
    void anArrivalBeforeTheWindowOpensWaitsAndBreaksNothing() {
        Plan plan = Plan.on(lgv("LGV-1", 1000)).serving(order("A", NEAR.lat(), NEAR.lon(), 50, TimeWindow.of("14:00", "16:00")));

        assertThat(plan.visit(0).serviceStart()).isEqualTo(14 * HOUR);
        assertThat(plan.matches(RoutingConstraints.TIME_WINDOW)).isEmpty();
        assertThat(plan.score().hardScore(0)).isZero();
    }

    // ---- shift end

    @Test
    void aReturnAfterTheShiftEndsIsPenalisedByTheSecondsOver() {
        Plan plan = Plan.on(vehicle("LGV-1", VehicleClass.LGV, 1000, TimeWindow.of("08:00", "08:30")))
                .serving(order("A", FURTHER.lat(), FURTHER.lon(), 50, ALL_DAY));
        long back = plan.route().returnToDepot();

        assertThat(back).isGreaterThan(8 * HOUR + 30 * 60);
        assertThat(plan.match(RoutingConstraints.SHIFT_END)).isEqualTo(new Match(1, hard(-(back - (8 * HOUR + 30 * 60)))));
    }

    @Test
    void aReturnBeforeTheShiftEndsBreaksNothing() {
        Plan plan = Plan.on(lgv("LGV-1", 1000)).serving(order("A", FURTHER.lat(), FURTHER.lon(), 50, ALL_DAY));

        assertThat(plan.matches(RoutingConstraints.SHIFT_END)).isEmpty();
        assertThat(plan.score().hardScore(0)).isZero();
    }

    // ---- no-entry hours

    @Test
    void timeOnTheRoadInANoEntryStretchIsPenalisedBySecondsInsideIt() {
        // the window makes the route run from before 09:00 to after it
        Plan plan = Plan.on(lgv("LGV-1", 1000)).noEntry(new NoEntryInterval("NO_ENTRY_DAY", 9 * HOUR, 12 * HOUR))
                .serving(order("A", FURTHER.lat(), FURTHER.lon(), 50, TimeWindow.of("08:45", "08:50")));
        long inside = Math.min(plan.route().returnToDepot(), 12 * HOUR) - Math.max(plan.route().departureFromDepot(), 9 * HOUR);

        assertThat(inside).isPositive();
        assertThat(plan.match(RoutingConstraints.NO_ENTRY)).isEqualTo(new Match(1, hard(-inside)));
    }

    @Test
    void aRouteOffTheRoadBeforeTheNoEntryStretchBreaksNothing() {
        Plan plan = Plan.on(lgv("LGV-1", 1000)).noEntry(new NoEntryInterval("NO_ENTRY_NIGHT", 22 * HOUR, 23 * HOUR))
                .serving(order("A", FURTHER.lat(), FURTHER.lon(), 50, ALL_DAY));

        assertThat(plan.matches(RoutingConstraints.NO_ENTRY)).isEmpty();
        assertThat(plan.score().hardScore(0)).isZero();
    }

    // ---- driver hours

    @Test
    void aDutySpreadOverMoreThanTheLimitIsPenalisedBySecondsOver() {
        DriverLimits tenMinuteSpread = new DriverLimits(Long.MAX_VALUE, 0, Long.MAX_VALUE, 600);
        Plan plan = Plan.on(lgv("LGV-1", 1000)).limits(tenMinuteSpread)
                .serving(order("A", FURTHER.lat(), FURTHER.lon(), 50, ALL_DAY));
        long spread = plan.route().returnToDepot() - plan.route().departureFromDepot();

        assertThat(spread).isGreaterThan(600);
        assertThat(plan.match(RoutingConstraints.DRIVER_HOURS)).isEqualTo(new Match(1, hard(-(spread - 600))));
    }

    @Test
    void aDutyWithinTheLimitsBreaksNothing() {
        DriverLimits delhi = new DriverLimits(5 * HOUR, 30 * 60, 8 * HOUR, 12 * HOUR);
        Plan plan = Plan.on(lgv("LGV-1", 1000)).limits(delhi).serving(order("A", FURTHER.lat(), FURTHER.lon(), 50, ALL_DAY));

        assertThat(plan.matches(RoutingConstraints.DRIVER_HOURS)).isEmpty();
        assertThat(plan.score().hardScore(0)).isZero();
    }

    // ---- restricted zones

    @Test
    void legsIntoAZoneWhileItIsClosedArePenalisedWhole() {
        Plan plan = Plan.on(lgv("LGV-1", 1000)).zone(zoneAround(FURTHER, 0, 24 * HOUR))
                .serving(order("A", FURTHER.lat(), FURTHER.lon(), 50, ALL_DAY));
        Visit stop = plan.visit(0);
        // both legs end or start inside the zone; the vehicle arrives with the window open, so no wait counts
        long legs = stop.getArrival() - plan.route().departureFromDepot() + plan.route().returnToDepot() - stop.departure();

        assertThat(plan.match(RoutingConstraints.ZONE_NO_ENTRY)).isEqualTo(new Match(1, hard(-legs)));
    }

    @Test
    void aZoneClosedOnlyAtNightBreaksNothingByDay() {
        Plan plan = Plan.on(lgv("LGV-1", 1000)).zone(zoneAround(FURTHER, 22 * HOUR, 24 * HOUR))
                .serving(order("A", FURTHER.lat(), FURTHER.lon(), 50, ALL_DAY));

        assertThat(plan.matches(RoutingConstraints.ZONE_NO_ENTRY)).isEmpty();
        assertThat(plan.score().hardScore(0)).isZero();
    }

    // ---- depot hours

    @Test
    void leavingAndReturningWhileTheDepotIsClosedCountsAnHourForEach() {
        Plan plan = Plan.on(lgv("LGV-1", 1000)).depotHours(TimeWindow.of("12:00", "18:00"))
                .serving(order("A", NEAR.lat(), NEAR.lon(), 50, ALL_DAY));

        assertThat(plan.route().returnToDepot()).isLessThan(12 * HOUR);
        assertThat(plan.match(RoutingConstraints.DEPOT_HOURS)).isEqualTo(new Match(1, hard(-2 * HOUR)));
    }

    @Test
    void leavingAndReturningInDepotHoursBreaksNothing() {
        Plan plan = Plan.on(lgv("LGV-1", 1000)).depotHours(TimeWindow.of("07:00", "18:00"))
                .serving(order("A", NEAR.lat(), NEAR.lon(), 50, ALL_DAY));

        assertThat(plan.matches(RoutingConstraints.DEPOT_HOURS)).isEmpty();
        assertThat(plan.score().hardScore(0)).isZero();
    }

    // ---- orders left out

    @Test
    void anOrderLeftOutCountsOneOnTheFirstSoftLevelAndBreaksNoHardRule() {
        // far too heavy for the vehicle: left out, it is exempt from capacity
        Plan plan = Plan.on(lgv("LGV-1", 100)).leavingOut(order("A", NEAR.lat(), NEAR.lon(), 500, ALL_DAY));

        assertThat(plan.match(RoutingConstraints.UNASSIGNED)).isEqualTo(new Match(1, soft(0, -1)));
        assertThat(plan.score().hardScore(0)).isZero();
    }

    @Test
    void anOrderOnARouteIsNotCountedAsLeftOut() {
        Plan plan = Plan.on(lgv("LGV-1", 1000)).serving(order("A", NEAR.lat(), NEAR.lon(), 50, ALL_DAY));

        assertThat(plan.matches(RoutingConstraints.UNASSIGNED)).isEmpty();
        assertThat(plan.matches(RoutingConstraints.UNASSIGNED_PRIORITY)).isEmpty();
    }

    @Test
    void aPriorityOneOrderLeftOutWeighsSixteenTimesAPriorityFiveOne() {
        Plan plan = Plan.on(lgv("LGV-1", 1000)).leavingOut(withPriority(order("P1", NEAR.lat(), NEAR.lon(), 50, ALL_DAY), 1),
                withPriority(order("P5", FURTHER.lat(), FURTHER.lon(), 50, ALL_DAY), 5));

        assertThat(plan.match(RoutingConstraints.UNASSIGNED_PRIORITY)).isEqualTo(new Match(2, soft(1, -(16 + 1))));
        assertThat(plan.match(RoutingConstraints.UNASSIGNED)).isEqualTo(new Match(2, soft(0, -2)));
    }

    // ---- cost

    @Test
    void aUsedVehicleCostsItsKilometresAtItsRatePlusItsFixedCostInPaise() {
        Vehicle lgv = lgv("LGV-1", 1000); // 20 rupees per km, 500 fixed
        Plan plan = Plan.on(lgv).serving(order("A", FURTHER.lat(), FURTHER.lon(), 50, ALL_DAY));
        double km = plan.route().distanceKm();

        assertThat(km).isGreaterThan(0);
        assertThat(plan.match(RoutingConstraints.ROUTE_COST))
                .isEqualTo(new Match(1, soft(RoutingConstraints.COST_LEVEL, -Math.round((km * 20 + 500) * 100))));
    }

    @Test
    void anUnusedVehicleCostsNothing() {
        Plan plan = Plan.on(lgv("LGV-1", 1000)).leavingOut(order("A", NEAR.lat(), NEAR.lon(), 50, ALL_DAY));

        assertThat(plan.matches(RoutingConstraints.ROUTE_COST)).isEmpty();
        assertThat(plan.score().softScore(RoutingConstraints.COST_LEVEL)).isZero();
    }

    // ---- the plan under test

    /** How often a constraint matched and what it did to the score. */
    record Match(int count, BendableLongScore impact) {
    }

    static BendableLongScore hard(long value) {
        return BendableLongScore.ofHard(RoutingConstraints.HARD_LEVELS, RoutingConstraints.SOFT_LEVELS, 0, value);
    }

    static BendableLongScore soft(int level, long value) {
        return BendableLongScore.ofSoft(RoutingConstraints.HARD_LEVELS, RoutingConstraints.SOFT_LEVELS, level, value);
    }

    /**
     * One vehicle from Okhla serving some orders in the given sequence and leaving others out, built
     * as the solver builds it ({@link VehicleRoute#of}, linked and timed by the route itself), then
     * scored.
     */
    static final class Plan {

        private final Vehicle vehicle;
        private TimeWindow depotHours = ROUND_THE_CLOCK;
        private List<NoEntryInterval> noEntry = List.of();
        private List<ZoneNoEntry> zones = List.of();
        private DriverLimits limits = DriverLimits.none();
        private VehicleRoute route;
        private ScoreExplanation<DepotRoutingSolution, BendableLongScore> explanation;

        private Plan(Vehicle vehicle) {
            this.vehicle = vehicle;
        }

        static Plan on(Vehicle vehicle) {
            return new Plan(vehicle);
        }

        Plan depotHours(TimeWindow hours) {
            depotHours = hours;
            return this;
        }

        Plan noEntry(NoEntryInterval interval) {
            noEntry = List.of(interval);
            return this;
        }

        Plan zone(ZoneNoEntry zone) {
            zones = List.of(zone);
            return this;
        }

        Plan limits(DriverLimits driverLimits) {
            limits = driverLimits;
            return this;
        }

        Plan serving(Order... orders) {
            return scored(List.of(orders), List.of());
        }

        Plan leavingOut(Order... orders) {
            return scored(List.of(), List.of(orders));
        }

        private Plan scored(List<Order> served, List<Order> leftOut) {
            List<GeoPoint> points = new ArrayList<>(List.of(OKHLA.location()));
            served.forEach(o -> points.add(o.location()));
            leftOut.forEach(o -> points.add(o.location()));
            TravelMatrix matrix = new TravelMatrix(points, HaversineTravelModel.delhiDefaults());
            List<Visit> visits = new ArrayList<>();
            for (int i = 0; i < served.size() + leftOut.size(); i++) {
                Order order = i < served.size() ? served.get(i) : leftOut.get(i - served.size());
                visits.add(new Visit(order, i + 1, matrix));
            }
            route = VehicleRoute.of(vehicle, matrix, depotHours, noEntry, zones, new ZoneHits(points, zones), limits)
                    .withVisits(visits.subList(0, served.size()));
            VehicleRoute bucket = VehicleRoute.unplannedBucket(OKHLA.id()).withVisits(visits.subList(served.size(), visits.size()));
            explanation = SCORING.explain(new DepotRoutingSolution(new ArrayList<>(List.of(route, bucket)), visits));
            return this;
        }

        VehicleRoute route() {
            return route;
        }

        Visit visit(int index) {
            return route.getVisits().get(index);
        }

        BendableLongScore score() {
            return explanation.getScore();
        }

        Optional<ConstraintMatchTotal<BendableLongScore>> matches(String constraintName) {
            return explanation.getConstraintMatchTotalMap().values().stream()
                    .filter(total -> total.getConstraintName().equals(constraintName) && total.getConstraintMatchCount() > 0)
                    .findFirst();
        }

        Match match(String constraintName) {
            return matches(constraintName).map(total -> new Match(total.getConstraintMatchCount(), total.getScore()))
                    .orElse(new Match(0, hard(0)));
        }
    }

    static Order withVolume(Order o, double volumeM3) {
        return new Order(o.id(), o.customerName(), o.phone(), o.address(), o.pincode(), o.location(), o.weightKg(), volumeM3,
                o.windows(), o.serviceMinutes(), o.priority(), o.depotId(), o.goodsType());
    }

    /** A square zone of about 1 km around {@code centre} (not reaching the depot), closed in [from, to). */
    static ZoneNoEntry zoneAround(GeoPoint centre, long from, long to) {
        Envelope square = new Envelope(centre.lon() - 0.005, centre.lon() + 0.005, centre.lat() - 0.005, centre.lat() + 0.005);
        return new ZoneNoEntry("MARKET_HOURS", "MARKET", List.of(new GeometryFactory().toGeometry(square)), 0,
                List.of(new NoEntryInterval("MARKET_HOURS", from, to)));
    }
}
