package dev.routeplan.planning.baseline;

import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.planning.domain.UnassignedReason;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.problem.DepotDeparture;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.problem.VehicleRules;
import dev.routeplan.planning.problem.ZoneHits;
import dev.routeplan.planning.travel.TravelTable;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Delhi dispatcher does by hand, as the yardstick the optimiser is measured against: takes
 * the vehicles in fleet order and fills each in turn, nearest-neighbour from the depot, always
 * driving on to the nearest order not yet served that the vehicle can still serve under the same
 * hard rules as the solver. Orders no vehicle could serve even alone are set aside first with their
 * reason; those left when the fleet is used up are FLEET_FULL.
 *
 * <p>The rules are the solver's own ({@link VehicleRules}): a route leaves the depot when the
 * solver's would ({@link DepotDeparture}), the driver takes a break at the premises where the
 * solver's would, and a leg counts as inside a restricted zone as the solver counts it, so the hand
 * plan, seeding the solver, keeps its times there. Driving times are asked of the travel provider's
 * table of the depot's points (one question, as the solver asks it: a server-backed provider such
 * as OSRM answers it in one request, where asking leg by leg made one request per pair) at the
 * moment each leg starts. Deterministic: ties go to the earlier order.
 */
public final class BaselinePlanner {

    public DepotPlan plan(DepotProblem problem, TravelTimeProvider travel) {
        Points points = new Points(problem, travel);
        List<Order> routable = new ArrayList<>();
        List<UnassignedOrder> unassigned = new ArrayList<>();
        for (Order order : problem.orders()) {
            reasonWhyUnservable(problem, points, order).ifPresentOrElse(
                    unassigned::add, () -> routable.add(order));
        }
        List<PlannedRoute> routes = new ArrayList<>();
        for (Vehicle vehicle : problem.vehicles()) {
            if (routable.isEmpty()) {
                break;
            }
            Route route = new Route(problem, points, vehicle);
            Optional<Order> next = route.nearestServable(routable);
            while (next.isPresent()) {
                route.serve(next.get());
                routable.remove(next.get());
                next = route.nearestServable(routable);
            }
            if (!route.stops.isEmpty()) {
                routes.add(route.toPlannedRoute());
            }
        }
        routable.forEach(order -> unassigned.add(new UnassignedOrder(order.id(), problem.depot().id(),
                UnassignedReason.FLEET_FULL, "no vehicle had capacity or hours left for it")));
        return new DepotPlan(problem.depot().id(), routes, unassigned);
    }

    private static Optional<UnassignedOrder> reasonWhyUnservable(DepotProblem problem, Points points, Order order) {
        String depotId = problem.depot().id();
        if (problem.vehicles().isEmpty()) {
            return Optional.of(new UnassignedOrder(order.id(), depotId, UnassignedReason.NO_ELIGIBLE_VEHICLE,
                    "the depot has no vehicle that may run on the plan date"));
        }
        double maxKg = problem.vehicles().stream().mapToDouble(Vehicle::capacityKg).max().orElse(0);
        double maxM3 = problem.vehicles().stream().mapToDouble(Vehicle::capacityM3).max().orElse(0);
        if (order.weightKg() > maxKg || order.volumeM3() > maxM3) {
            return Optional.of(new UnassignedOrder(order.id(), depotId, UnassignedReason.EXCEEDS_CAPACITY, String.format(
                    "%.1f kg / %.2f m3 exceeds the largest eligible vehicle (%.0f kg / %.1f m3)",
                    order.weightKg(), order.volumeM3(), maxKg, maxM3)));
        }
        boolean anyAlone = problem.vehicles().stream()
                .anyMatch(vehicle -> new Route(problem, points, vehicle).canServeNext(order));
        if (!anyAlone) {
            return Optional.of(new UnassignedOrder(order.id(), depotId, UnassignedReason.WINDOW_UNREACHABLE,
                    "no eligible vehicle reaches it inside " + order.windows()
                            + " within its shift, the driver's hours and outside its no-entry hours"));
        }
        return Optional.empty();
    }

    /**
     * The problem's points by index, as {@link VehicleRules} and {@link ZoneHits} count them, each
     * order's index, and the travel provider's table of them.
     */
    private static final class Points {

        private final List<GeoPoint> all;
        private final Map<Order, Integer> byOrder = new IdentityHashMap<>();
        private final ZoneHits zoneHits;
        private final TravelTable travel;

        Points(DepotProblem problem, TravelTimeProvider travel) {
            this.all = problem.points();
            this.travel = travel.table(all);
            for (int i = 0; i < problem.orders().size(); i++) {
                byOrder.put(problem.orders().get(i), i + 1);
            }
            this.zoneHits = problem.zoneHits(all);
        }
    }

    /** One vehicle's route as it is being built: its stops, when it left, and with what load. */
    private static final class Route {

        private final DepotProblem problem;
        private final Points points;
        private final Vehicle vehicle;
        private final VehicleRules rules;
        private final List<Stop> stops = new ArrayList<>();
        private long departure;
        private long weightGrams;
        private long volumeLitres;

        Route(DepotProblem problem, Points points, Vehicle vehicle) {
            this.problem = problem;
            this.points = points;
            this.vehicle = vehicle;
            this.rules = VehicleRules.of(problem, vehicle, points.zoneHits);
        }

        /** The nearest order, by road distance from where the vehicle stands, that it can serve next. */
        Optional<Order> nearestServable(List<Order> candidates) {
            int here = position();
            Order nearest = null;
            double nearestKm = Double.POSITIVE_INFINITY;
            for (Order order : candidates) {
                double legKm = km(here, points.byOrder.get(order));
                if (legKm < nearestKm && canServeNext(order)) {
                    nearest = order;
                    nearestKm = legKm;
                }
            }
            return Optional.ofNullable(nearest);
        }

        boolean canServeNext(Order order) {
            return next(order).isPresent();
        }

        void serve(Order order) {
            Next next = next(order).orElseThrow();
            if (stops.isEmpty()) {
                departure = next.departure();
            } else {
                stops.set(stops.size() - 1, stops.get(stops.size() - 1).restingFor(next.restBefore()));
            }
            weightGrams += VehicleRules.grams(order.weightKg());
            volumeLitres += VehicleRules.grams(order.volumeM3());
            stops.add(next.stop());
        }

        PlannedRoute toPlannedRoute() {
            Stop last = stops.get(stops.size() - 1);
            long back = last.leaving() + drive(last.point(), VehicleRules.DEPOT, last.leaving());
            double loadKg = stops.stream().mapToDouble(stop -> stop.order().weightKg()).sum();
            double km = 0;
            int from = VehicleRules.DEPOT;
            List<PlannedStop> planned = new ArrayList<>();
            for (Stop stop : stops) {
                double legKm = km(from, stop.point());
                km += legKm;
                loadKg -= stop.order().weightKg();
                planned.add(new PlannedStop(planned.size() + 1, stop.order().id(), stop.arrival(), stop.serviceStart(),
                        stop.leaving(), legKm, Math.max(0, loadKg)));
                from = stop.point();
            }
            return new PlannedRoute(vehicle.id(), problem.depot().id(), departure, back, km + km(from, VehicleRules.DEPOT), planned);
        }

        /**
         * Serving {@code order} next and then driving home, timed as the solver's listener times a
         * route ending so, if that breaks none of the solver's hard rules: the stops before keep their
         * times, except that the last one may now need a break before the longer way ahead.
         */
        private Optional<Next> next(Order order) {
            if (rules.weightExcessGrams(weightGrams + VehicleRules.grams(order.weightKg())) > 0
                    || rules.volumeExcessLitres(volumeLitres + VehicleRules.grams(order.volumeM3())) > 0) {
                return Optional.empty();
            }
            int at = points.byOrder.get(order);
            long routeStart;
            long leaving;
            long work;
            long restBefore = 0;
            int from = position();
            if (stops.isEmpty()) {
                routeStart = rules.departureFor(order.windows(), t -> drive(VehicleRules.DEPOT, at, t));
                leaving = routeStart;
                work = rules.workAtDeparture();
            } else {
                Stop last = stops.get(stops.size() - 1);
                routeStart = departure;
                // the work ahead without a break: the drive, the wait on the road for the window, the service
                long arriving = last.serviceEnd() + drive(from, at, last.serviceEnd());
                restBefore = rules.restAfterService(last.work(),
                        order.windows().serviceStart(arriving) - last.serviceEnd() + order.serviceSeconds());
                leaving = last.serviceEnd() + restBefore;
                work = restBefore > 0 ? 0 : last.work();
            }
            long arrival = leaving + drive(from, at, leaving);
            long serviceStart = order.windows().serviceStart(arrival);
            long serviceEnd = serviceStart + order.serviceSeconds();
            long workThere = rules.workAfterService(work, leaving, arrival, serviceStart, order.serviceSeconds());
            long rest = rules.restAfterService(workThere, drive(at, VehicleRules.DEPOT, serviceEnd));
            long home = serviceEnd + rest;
            long back = home + drive(at, VehicleRules.DEPOT, home);

            VehicleRules.Duty duty = rules.duty(routeStart);
            for (int i = 0; i < stops.size(); i++) {
                Stop s = stops.get(i);
                duty.stop(s.arrival(), s.serviceStart(), s.serviceEnd(), i == stops.size() - 1 ? restBefore : s.rest());
            }
            duty.stop(arrival, serviceStart, serviceEnd, rest);
            // the stops before keep their legs and waits, already clear of the zones
            long inZones = rules.zoneLegSeconds(from, at, leaving, arrival) + rules.zoneWaitSeconds(at, arrival, serviceStart)
                    + rules.zoneLegSeconds(at, VehicleRules.DEPOT, home, back);
            boolean legal = order.windows().lateness(arrival) == 0
                    && rules.overtimeSeconds(back) == 0
                    && rules.noEntrySeconds(routeStart, back, essentialOnlyWith(order)) == 0
                    && rules.depotHoursBreaches(routeStart, back) == 0
                    && inZones == 0
                    && duty.excessSeconds(back) == 0;
            return legal ? Optional.of(new Next(routeStart, restBefore,
                    new Stop(order, at, arrival, serviceStart, serviceEnd, workThere, rest))) : Optional.empty();
        }

        /** The route, with {@code order} added, carries essential goods only (no-entry stretches of rules exempting them lift). */
        private boolean essentialOnlyWith(Order order) {
            return problem.isEssential(order) && stops.stream().allMatch(stop -> problem.isEssential(stop.order()));
        }

        private int position() {
            return stops.isEmpty() ? VehicleRules.DEPOT : stops.get(stops.size() - 1).point();
        }

        private long drive(int from, int to, long leaving) {
            return points.travel.seconds(vehicle.vehicleClass(), from, to, leaving);
        }

        private double km(int from, int to) {
            return points.travel.km(from, to);
        }
    }

    /**
     * A served stop: {@code work} is the driver's continuous work on finishing service, {@code rest}
     * the break taken after it (decided again when a stop is added after it).
     */
    private record Stop(Order order, int point, long arrival, long serviceStart, long serviceEnd, long work, long rest) {

        long leaving() {
            return serviceEnd + rest;
        }

        Stop restingFor(long restSeconds) {
            return new Stop(order, point, arrival, serviceStart, serviceEnd, work, restSeconds);
        }
    }

    /** Serving one order next: when the route leaves the depot, the break at the stop before, and the new stop. */
    private record Next(long departure, long restBefore, Stop stop) {
    }
}
