package dev.routeplan.planning.compliance.verify;

import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.util.List;

/**
 * A planned route with everything the verifier needs to check it without asking the solver: the
 * GRAP stages in force over the route's time, and the no-entry permits of the plan date.
 */
public record RouteUnderReview(
        LocalDate planDate,
        GrapCalendar grap,
        Depot depot,
        Vehicle vehicle,
        PlannedRoute route,
        List<Order> ordersInStopOrder,
        List<NoEntryPermit> permits) {

    public RouteUnderReview {
        ordersInStopOrder = List.copyOf(ordersInStopOrder);
        permits = List.copyOf(permits);
    }

    /** A review at one constant GRAP stage, without permits. */
    public RouteUnderReview(LocalDate planDate, int grapStage, Depot depot, Vehicle vehicle, PlannedRoute route,
                            List<Order> ordersInStopOrder) {
        this(planDate, GrapCalendar.constant(grapStage, "constant"), depot, vehicle, route, ordersInStopOrder, List.of());
    }

    /** The stage in force when the route leaves the depot. */
    public int grapStage() {
        return grap.stageAt(planDate, route.departureSeconds());
    }
}
