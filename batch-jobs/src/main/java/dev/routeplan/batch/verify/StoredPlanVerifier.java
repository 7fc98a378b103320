package dev.routeplan.batch.verify;

import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.batch.store.PlanStore.StoredRoute;
import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.verify.ComplianceVerifier;
import dev.routeplan.planning.compliance.verify.NoEntryPermit;
import dev.routeplan.planning.compliance.verify.RouteUnderReview;
import dev.routeplan.planning.compliance.verify.RouteVerdict;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Verifies a depot's stored routes against a rule pack and a GRAP calendar, reading only what is
 * stored: the nightly verify step and every what-if or dispatch re-check go through here.
 */
public class StoredPlanVerifier {

    /** A stored route and the verdict on it. */
    public record CheckedRoute(StoredRoute stored, RouteVerdict verdict, int grapStageAtDeparture) {
    }

    private final FleetStore fleet;
    private final OrderStore orders;
    private final PlanStore plans;
    private final ConditionsStore conditions;
    private final TravelTimeProvider travel;

    public StoredPlanVerifier(FleetStore fleet, OrderStore orders, PlanStore plans, ConditionsStore conditions,
                              TravelTimeProvider travel) {
        this.fleet = fleet;
        this.orders = orders;
        this.plans = plans;
        this.conditions = conditions;
        this.travel = travel;
    }

    public List<CheckedRoute> verify(LocalDate date, String depotId, RulePack pack, GrapCalendar grap) {
        ComplianceVerifier verifier = new ComplianceVerifier(pack, travel);
        Depot depot = fleet.depot(date, depotId);
        Map<String, Vehicle> vehicles = fleet.vehiclesById(date);
        Map<String, Order> ordersById = orders.orders(date, depotId).stream()
                .collect(Collectors.toMap(Order::id, Function.identity()));
        List<NoEntryPermit> permits = conditions.permits(date);
        List<CheckedRoute> checked = new ArrayList<>();
        for (StoredRoute stored : plans.routes(date, depotId)) {
            List<Order> stopOrders = stored.route().stops().stream().map(PlannedStop::orderId).map(ordersById::get).toList();
            RouteUnderReview review = new RouteUnderReview(date, grap, depot, vehicles.get(stored.route().vehicleId()),
                    stored.route(), stopOrders, permits);
            checked.add(new CheckedRoute(stored, verifier.verify(review), review.grapStage()));
        }
        return checked;
    }
}
