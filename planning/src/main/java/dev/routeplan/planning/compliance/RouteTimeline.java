package dev.routeplan.planning.compliance;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The route's timeline as the verifier recomputes it from the departure time, the stop order and
 * the travel model, ignoring the times the solver stored: arrival = previous departure + travel;
 * service starts at the later of arrival and window start; departure = service start + service
 * time; return = last departure + travel back to the depot.
 */
record RouteTimeline(long departureSeconds, List<StopTime> stops, long returnSeconds, double distanceKm) {

    record StopTime(Order order, long arrivalSeconds, long serviceStartSeconds, long departureSeconds, double legKm) {
    }

    static RouteTimeline recompute(RouteUnderReview r, TravelTimeProvider travel) {
        var vehicleClass = r.vehicle().vehicleClass();
        long clock = r.route().departureSeconds();
        GeoPoint at = r.depot().location();
        double km = 0;
        List<StopTime> stops = new ArrayList<>();
        for (Order order : r.ordersInStopOrder()) {
            double legKm = travel.distanceKm(at, order.location());
            long arrival = clock + travel.travelSeconds(at, order.location(), vehicleClass, clock);
            long serviceStart = Math.max(arrival, order.window().startSeconds());
            clock = serviceStart + order.serviceSeconds();
            stops.add(new StopTime(order, arrival, serviceStart, clock, legKm));
            km += legKm;
            at = order.location();
        }
        km += travel.distanceKm(at, r.depot().location());
        long back = clock + travel.travelSeconds(at, r.depot().location(), vehicleClass, clock);
        return new RouteTimeline(r.route().departureSeconds(), stops, back, km);
    }
}
