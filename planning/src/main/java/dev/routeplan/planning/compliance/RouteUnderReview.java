package dev.routeplan.planning.compliance;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.util.List;

/** A planned route with everything the verifier needs to check it without asking the solver. */
public record RouteUnderReview(
        LocalDate planDate,
        int grapStage,
        Depot depot,
        Vehicle vehicle,
        PlannedRoute route,
        List<Order> ordersInStopOrder) {

    public RouteUnderReview {
        ordersInStopOrder = List.copyOf(ordersInStopOrder);
    }
}
