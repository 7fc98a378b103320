package dev.routeplan.planning.baseline;

import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.UnassignedOrder;
import dev.routeplan.planning.domain.UnassignedReason;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.ZoneNoEntry;
import dev.routeplan.planning.problem.DepotDeparture;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What a Delhi dispatcher does by hand, as the yardstick the optimiser is measured against: takes
 * the vehicles in fleet order and fills each in turn, nearest-neighbour from the depot, always
 * driving on to the nearest order not yet served that the vehicle can still serve under the same
 * hard rules as the solver. Orders no vehicle could serve even alone are set aside first with their
 * reason; those left when the fleet is used up are FLEET_FULL.
 *
 * <p>Driving times are asked of the travel provider at the moment each leg starts, and a route
 * leaves the depot when the solver's would ({@link DepotDeparture}), so the hand plan, seeding the
 * solver, keeps its times there. Restricted zones are checked conservatively: a straight leg that
 * touches a zone counts as inside for its whole duration, even when it only crosses a road.
 * Deterministic: ties go to the earlier order.
 */
public final class BaselinePlanner {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    public DepotPlan plan(DepotProblem problem, TravelTimeProvider travel) {
        List<Order> routable = new ArrayList<>();
        List<UnassignedOrder> unassigned = new ArrayList<>();
        for (Order order : problem.orders()) {
            reasonWhyUnservable(problem, travel, order).ifPresentOrElse(
                    unassigned::add, () -> routable.add(order));
        }
        List<PlannedRoute> routes = new ArrayList<>();
        for (Vehicle vehicle : problem.vehicles()) {
            if (routable.isEmpty()) {
                break;
            }
            Route route = new Route(problem, travel, vehicle);
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

    private static Optional<UnassignedOrder> reasonWhyUnservable(DepotProblem problem, TravelTimeProvider travel, Order order) {
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
                .anyMatch(vehicle -> new Route(problem, travel, vehicle).canServeNext(order));
        if (!anyAlone) {
            return Optional.of(new UnassignedOrder(order.id(), depotId, UnassignedReason.WINDOW_UNREACHABLE,
                    "no eligible vehicle reaches it inside " + order.windows()
                            + " within its shift, the driver's hours and outside its no-entry hours"));
        }
        return Optional.empty();
    }

    /** One vehicle's route as it is being built: where it stands, when, and with what load. */
    private static final class Route {

        private final DepotProblem problem;
        private final TravelTimeProvider travel;
        private final Vehicle vehicle;
        private final GeoPoint depot;
        private final TimeWindow depotHours;
        private final List<NoEntryInterval> noEntry;
        private final List<ZoneNoEntry> zones;
        private final long earliestDeparture;
        private final List<PlannedStop> stops = new ArrayList<>();
        private final List<Order> served = new ArrayList<>();
        private long departure;
        private long weightGrams;
        private long volumeLitres;
        private double km;

        Route(DepotProblem problem, TravelTimeProvider travel, Vehicle vehicle) {
            this.problem = problem;
            this.travel = travel;
            this.vehicle = vehicle;
            this.depot = problem.depot().location();
            this.depotHours = problem.depot().openingHours();
            this.noEntry = problem.noEntryFor(vehicle);
            this.zones = problem.zoneNoEntryFor(vehicle);
            this.earliestDeparture = DepotDeparture.earliest(vehicle.shift().startSeconds(), noEntry);
        }

        /** The nearest order, by road distance from where the vehicle stands, that it can serve next. */
        Optional<Order> nearestServable(List<Order> candidates) {
            GeoPoint here = position();
            Order nearest = null;
            double nearestKm = Double.POSITIVE_INFINITY;
            for (Order order : candidates) {
                double legKm = travel.distanceKm(here, order.location());
                if (legKm < nearestKm && canServeNext(order)) {
                    nearest = order;
                    nearestKm = legKm;
                }
            }
            return Optional.ofNullable(nearest);
        }

        boolean canServeNext(Order order) {
            return visit(order).filter(this::legal).isPresent();
        }

        void serve(Order order) {
            Visit visit = visit(order).orElseThrow();
            if (stops.isEmpty()) {
                departure = visit.leaving();
            }
            weightGrams += grams(order.weightKg());
            volumeLitres += grams(order.volumeM3());
            km += travel.distanceKm(position(), order.location());
            stops.add(new PlannedStop(stops.size() + 1, order.id(), visit.arrival(), visit.serviceStart(),
                    visit.serviceEnd(), travel.distanceKm(position(), order.location()), 0));
            served.add(order);
        }

        PlannedRoute toPlannedRoute() {
            Order last = served.get(served.size() - 1);
            PlannedStop lastStop = stops.get(stops.size() - 1);
            long back = lastStop.departureSeconds()
                    + travel.travelSeconds(last.location(), depot, vehicle.vehicleClass(), lastStop.departureSeconds());
            double loadKg = served.stream().mapToDouble(Order::weightKg).sum();
            List<PlannedStop> withLoads = new ArrayList<>();
            for (int i = 0; i < stops.size(); i++) {
                PlannedStop s = stops.get(i);
                loadKg -= served.get(i).weightKg();
                withLoads.add(new PlannedStop(s.sequence(), s.orderId(), s.arrivalSeconds(), s.serviceStartSeconds(),
                        s.departureSeconds(), s.legKm(), Math.max(0, loadKg)));
            }
            return new PlannedRoute(vehicle.id(), problem.depot().id(), departure, back,
                    km + travel.distanceKm(last.location(), depot), withLoads);
        }

        /** The timeline of serving {@code order} next and then driving home; empty if over capacity. */
        private Optional<Visit> visit(Order order) {
            if (weightGrams + grams(order.weightKg()) > grams(vehicle.capacityKg())
                    || volumeLitres + grams(order.volumeM3()) > grams(vehicle.capacityM3())) {
                return Optional.empty();
            }
            long routeStart;
            long leaving;
            if (stops.isEmpty()) {
                routeStart = DepotDeparture.forFirstStop(earliestDeparture, order.windows(),
                        at -> travel.travelSeconds(depot, order.location(), vehicle.vehicleClass(), at));
                leaving = routeStart;
            } else {
                routeStart = departure;
                leaving = stops.get(stops.size() - 1).departureSeconds();
            }
            long arrival = leaving + travel.travelSeconds(position(), order.location(), vehicle.vehicleClass(), leaving);
            long serviceStart = order.windows().serviceStart(arrival);
            long serviceEnd = serviceStart + order.serviceSeconds();
            long back = serviceEnd + travel.travelSeconds(order.location(), depot, vehicle.vehicleClass(), serviceEnd);
            return Optional.of(new Visit(order, routeStart, leaving, arrival, serviceStart, serviceEnd, back));
        }

        private boolean legal(Visit v) {
            long forbidden = noEntry.stream().mapToLong(i -> i.overlapSeconds(v.routeStart(), v.back())).sum();
            return v.order().windows().contains(v.serviceStart())
                    && v.back() <= vehicle.shift().endSeconds()
                    && forbidden == 0
                    && v.back() - v.routeStart() <= problem.maxRouteSeconds()
                    && depotHours.containsOnAnyDay(v.routeStart()) && depotHours.containsOnAnyDay(v.back())
                    && staysOutOfZones(v);
        }

        /** The leg in, any wait at a stop inside a zone, and the leg home stay out of the vehicle's zones while closed. */
        private boolean staysOutOfZones(Visit v) {
            GeoPoint stop = v.order().location();
            for (ZoneNoEntry zone : zones) {
                for (Geometry area : zone.areas()) {
                    if ((enters(area, position(), stop) && closedDuring(zone, v.leaving(), v.arrival()))
                            || (area.covers(GEOMETRY.createPoint(coordinate(stop))) && closedDuring(zone, v.arrival(), v.serviceStart()))
                            || (enters(area, stop, depot) && closedDuring(zone, v.serviceEnd(), v.back()))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private GeoPoint position() {
            return served.isEmpty() ? depot : served.get(served.size() - 1).location();
        }

        private static boolean enters(Geometry area, GeoPoint from, GeoPoint to) {
            return area.intersects(GEOMETRY.createLineString(new Coordinate[] {coordinate(from), coordinate(to)}));
        }

        private static boolean closedDuring(ZoneNoEntry zone, long from, long to) {
            return zone.intervals().stream().anyMatch(i -> i.overlapSeconds(from, to) > 0);
        }

        private static Coordinate coordinate(GeoPoint p) {
            return new Coordinate(p.lon(), p.lat());
        }

        private static long grams(double thousands) {
            return Math.round(thousands * 1000);
        }
    }

    /** Serving one order next: when the route starts, when the vehicle leaves its last place, arrives, serves and gets home. */
    private record Visit(Order order, long routeStart, long leaving, long arrival, long serviceStart, long serviceEnd,
                         long back) {
    }
}
