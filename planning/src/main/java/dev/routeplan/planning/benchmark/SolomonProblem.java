package dev.routeplan.planning.benchmark;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.solver.RouteSolver;
import dev.routeplan.planning.solver.SolverSettings;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Solomon instance put to the production solver unchanged: one depot, identical vehicles of the
 * instance's capacity, cost = distance (1 per unit, no fixed cost), every order priority 1.
 *
 * <p>Time: one Solomon unit is {@link #SECONDS_PER_UNIT} seconds. 24 keeps the longest horizon
 * (C2, 3390) inside one day (81,360 s = 22:36) and turns the service times 10 and 90 into whole
 * minutes (4 and 36), as {@link Order} needs. A window end that would pass 24:00 is clamped to
 * 23:59:59 (none does in the 56 instances). Solomon due dates are inclusive and our windows
 * half-open, so a window ends one second after the due date.
 */
public final class SolomonProblem {

    public static final int SECONDS_PER_UNIT = 24;
    static final LocalDate PLAN_DATE = LocalDate.of(2026, 1, 1);
    private static final long LAST_SECOND = TimeWindow.SECONDS_PER_DAY - 1;

    private final SolomonInstance instance;

    public SolomonProblem(SolomonInstance instance) {
        this.instance = instance;
    }

    public DepotProblem toDepotProblem() {
        SolomonInstance.Node d = instance.depot();
        TimeWindow horizon = window(d.ready() * (long) SECONDS_PER_UNIT, d.due() * (long) SECONDS_PER_UNIT);
        Depot depot = new Depot("D0", instance.name(), point(d), horizon);
        List<Vehicle> vehicles = new ArrayList<>();
        for (int i = 1; i <= instance.vehicles(); i++) {
            vehicles.add(new Vehicle("V" + i, depot.id(), VehicleClass.LGV, Fuel.CNG, EmissionNorm.BS6, PLAN_DATE, "DL", 7500, 2,
                    instance.capacity(), 1_000_000, horizon, 1, 0, "driver-" + i, null, null));
        }
        List<Order> orders = new ArrayList<>();
        for (SolomonInstance.Node c : instance.customers()) {
            long serviceSeconds = c.service() * (long) SECONDS_PER_UNIT;
            if (serviceSeconds % 60 != 0) {
                throw new IllegalArgumentException(instance.name() + " customer " + c.id() + ": service " + c.service()
                        + " is not a whole number of minutes at " + SECONDS_PER_UNIT + " s per unit");
            }
            orders.add(new Order(Integer.toString(c.id()), "customer " + c.id(), "", "", "", point(c), c.demand(), 0,
                    window(c.ready() * (long) SECONDS_PER_UNIT, c.due() * (long) SECONDS_PER_UNIT + 1),
                    (int) (serviceSeconds / 60), 1, depot.id(), "general"));
        }
        return new DepotProblem(PLAN_DATE, depot, vehicles, orders, Map.of());
    }

    /** Solves with the production solver and returns the used routes as customer ids (unassigned ones dropped). */
    public Solution solve(SolverSettings settings) {
        DepotPlan plan = new RouteSolver(new PlaneTravel()).solve(toDepotProblem(), settings);
        List<List<Integer>> routes = new ArrayList<>();
        for (PlannedRoute route : plan.routes()) {
            routes.add(route.stops().stream().map(PlannedStop::orderId).map(Integer::parseInt).toList());
        }
        return new Solution(routes, plan.unassigned().size(), plan.distanceKm());
    }

    /** The solver's routes, how many customers it left unassigned, and its own distance figure. */
    public record Solution(List<List<Integer>> routes, int unassigned, double solverDistance) {
    }

    private static GeoPoint point(SolomonInstance.Node node) {
        return PlaneTravel.point(node.x(), node.y());
    }

    private static TimeWindow window(long startSeconds, long endSeconds) {
        // clamped: LocalTime cannot express 24:00 or later (no Solomon instance needs it)
        return new TimeWindow(LocalTime.ofSecondOfDay(Math.min(startSeconds, LAST_SECOND - 1)),
                LocalTime.ofSecondOfDay(Math.min(endSeconds, LAST_SECOND)));
    }
}
