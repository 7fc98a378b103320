package dev.routeplan.reports;

import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
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
}
