package dev.routeplan.reports;

import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.Vehicle;
import java.util.List;

/**
 * A publishable route with what a driver's sheet needs: the vehicle, the planned stops and the
 * order behind each stop ({@code orders.get(i)} belongs to {@code route.stops().get(i)}).
 */
public record RouteDocument(Vehicle vehicle, PlannedRoute route, List<Order> orders) {

    public RouteDocument {
        orders = List.copyOf(orders);
        if (orders.size() != route.stops().size()) {
            throw new IllegalArgumentException("route of " + vehicle.id() + " has " + route.stops().size()
                    + " stops but " + orders.size() + " orders");
        }
    }

    /** Kilograms on board when the vehicle leaves the depot: every order of the route. */
    public double loadKg() {
        return orders.stream().mapToDouble(Order::weightKg).sum();
    }

    public int stopCount() {
        return route.stops().size();
    }

    /**
     * Seconds spent moving: each leg runs from the previous departure to the next arrival, so
     * waiting for a window to open and service time are not driving.
     */
    public long drivingSeconds() {
        long driving = 0;
        long leftAt = route.departureSeconds();
        for (PlannedStop stop : route.stops()) {
            driving += stop.arrivalSeconds() - leftAt;
            leftAt = stop.departureSeconds();
        }
        return driving + (route.returnSeconds() - leftAt);
    }
}
