package dev.routeplan.planning.solver;

import static dev.routeplan.planning.solver.RouteSolverTests.OKHLA;
import static dev.routeplan.planning.solver.RouteSolverTests.lgv;
import static dev.routeplan.planning.solver.RouteSolverTests.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.problem.DriverLimits;
import dev.routeplan.planning.problem.ZoneHits;
import dev.routeplan.planning.travel.HaversineTravelModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/** How the solver times and scores a stop whose order takes goods in two windows. */
class TwoWindowScoringTests {

    static final long HOUR = 3600;
    static final GeoPoint NEAR_DEPOT = new GeoPoint(28.545, 77.262);

    private final SolutionManager<DepotRoutingSolution, BendableLongScore> scoring =
            SolutionManager.create(SolverFactory.create(RouteSolver.config(SolverSettings.ofSeconds(1))));

    @Test
    void aVisitArrivingBetweenTheWindowsWaitsForTheSecond() {
        // the first window closes before the 08:00 shift starts: the vehicle arrives between the windows
        Visit visit = onOwnRoute(withWindows(TimeWindow.of("06:00", "07:30"), TimeWindow.of("16:00", "18:00")));

        assertThat(visit.getArrival()).isBetween(8 * HOUR, 16 * HOUR);
        assertThat(visit.serviceStart()).isEqualTo(16 * HOUR);
        assertThat(visit.lateness()).isZero();
    }

    @Test
    void aVisitArrivingAfterBothWindowsIsAHardViolation() {
        Visit visit = onOwnRoute(withWindows(TimeWindow.of("05:00", "06:00"), TimeWindow.of("07:00", "08:00")));

        ScoreExplanation<DepotRoutingSolution, BendableLongScore> explanation = scoring.explain(
                new DepotRoutingSolution(new ArrayList<>(List.of(visit.getRoute())), new ArrayList<>(List.of(visit))));

        assertThat(visit.lateness()).isPositive();
        assertThat(explanation.getScore().hardScore(0)).isEqualTo(-visit.lateness());
        assertThat(explanation.getConstraintMatchTotalMap().values())
                .anySatisfy(total -> assertThat(total.getConstraintName()).isEqualTo(RoutingConstraints.TIME_WINDOW));
    }

    private static Order withWindows(TimeWindow first, TimeWindow second) {
        Order o = order("TWO", NEAR_DEPOT.lat(), NEAR_DEPOT.lon(), 50, first);
        return new Order(o.id(), o.customerName(), o.phone(), o.address(), o.pincode(), o.location(), o.weightKg(),
                o.volumeM3(), DeliveryWindows.of(first, second), o.serviceMinutes(), o.priority(), o.depotId(), o.goodsType());
    }

    /** The order alone on an LGV whose shift is 08:00-20:00, timed as the solver times it. */
    private static Visit onOwnRoute(Order order) {
        List<GeoPoint> points = List.of(OKHLA.location(), order.location());
        TravelMatrix matrix = new TravelMatrix(points, HaversineTravelModel.delhiDefaults());
        Vehicle vehicle = lgv("LGV-1", 1000);
        VehicleRoute empty = VehicleRoute.of(vehicle, matrix, OKHLA.openingHours(), List.of(), List.of(),
                new ZoneHits(points, List.of()), DriverLimits.none());
        VehicleRoute route = empty.withVisits(List.of(new Visit(order, 1, matrix)));
        return route.getVisits().get(0);
    }
}
