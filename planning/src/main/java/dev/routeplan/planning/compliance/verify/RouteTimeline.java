package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The route's timeline as the verifier recomputes it from the departure time, the stop order and
 * the travel model, ignoring the times the solver stored: arrival = previous departure + travel;
 * service starts at the later of arrival and the start of the earliest window still open at
 * arrival ({@link dev.routeplan.planning.domain.DeliveryWindows#serviceStart}); departure = service start + service
 * time, plus any rest the plan gives the driver at the premises after service (the stored stop's
 * departure beyond its service end: a planning decision, like the route's departure time); return
 * = last departure + travel back to the depot.
 *
 * @param legs every drive in order, depot legs included: depot to first stop, stop to stop, last
 *             stop back to the depot (one depot-to-depot leg for a route without stops)
 */
record RouteTimeline(long departureSeconds, List<StopTime> stops, long returnSeconds, double distanceKm,
                     List<Leg> legs) {

    record StopTime(Order order, long arrivalSeconds, long serviceStartSeconds, long departureSeconds, double legKm,
                    long restSeconds) {

        /** Arrived before the window opened: waiting on the road outside the premises. */
        long waitSeconds() {
            return serviceStartSeconds - arrivalSeconds;
        }
    }

    /** One drive, taken as a straight line from {@code from} to {@code to} over {@code [start, end)}. */
    record Leg(String label, GeoPoint from, GeoPoint to, long startSeconds, long endSeconds) {

        /** The point {@code fraction} of the way along the straight leg. */
        GeoPoint pointAt(double fraction) {
            return new GeoPoint(from.lat() + fraction * (to.lat() - from.lat()), from.lon() + fraction * (to.lon() - from.lon()));
        }

        /** When the vehicle reaches {@code fraction} of the leg, rounded down: the earliest it can be there. */
        long reachedAt(double fraction) {
            return startSeconds + (long) Math.floor(fraction * (endSeconds - startSeconds));
        }

        /** When the vehicle has passed {@code fraction} of the leg, rounded up: the latest it can still be there. */
        long passedAt(double fraction) {
            return startSeconds + (long) Math.ceil(fraction * (endSeconds - startSeconds));
        }
    }

    static RouteTimeline recompute(RouteUnderReview r, TravelTimeProvider travel) {
        var vehicleClass = r.vehicle().vehicleClass();
        long clock = r.route().departureSeconds();
        GeoPoint at = r.depot().location();
        String atName = "depot " + r.depot().id();
        double km = 0;
        List<StopTime> stops = new ArrayList<>();
        List<Leg> legs = new ArrayList<>();
        for (int i = 0; i < r.ordersInStopOrder().size(); i++) {
            Order order = r.ordersInStopOrder().get(i);
            var planned = r.route().stops().get(i);
            double legKm = travel.distanceKm(at, order.location());
            long arrival = clock + travel.travelSeconds(at, order.location(), vehicleClass, clock);
            legs.add(new Leg(atName + " -> " + order.id(), at, order.location(), clock, arrival));
            long serviceStart = order.windows().serviceStart(arrival);
            long rest = Math.max(0, planned.departureSeconds() - planned.serviceStartSeconds() - order.serviceSeconds());
            clock = serviceStart + order.serviceSeconds() + rest;
            stops.add(new StopTime(order, arrival, serviceStart, clock, legKm, rest));
            km += legKm;
            at = order.location();
            atName = order.id();
        }
        km += travel.distanceKm(at, r.depot().location());
        long back = clock + travel.travelSeconds(at, r.depot().location(), vehicleClass, clock);
        legs.add(new Leg(atName + " -> depot " + r.depot().id(), at, r.depot().location(), clock, back));
        return new RouteTimeline(r.route().departureSeconds(), stops, back, km, legs);
    }
}
