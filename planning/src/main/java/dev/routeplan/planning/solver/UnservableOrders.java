package dev.routeplan.planning.solver;

import dev.routeplan.planning.domain.UnassignedReason;
import java.util.List;
import java.util.Optional;

/**
 * Finds the orders that no vehicle could serve even on a route of its own, and says why, before
 * the solver starts: the planner gets a reason to act on, and the solver a smaller problem.
 */
final class UnservableOrders {

    record Reason(UnassignedReason reason, String detail) {
    }

    private final List<VehicleRoute> routes;

    UnservableOrders(List<VehicleRoute> routes) {
        this.routes = routes;
    }

    Optional<Reason> reasonWhyUnservable(Visit visit) {
        if (routes.isEmpty()) {
            return Optional.of(new Reason(UnassignedReason.NO_ELIGIBLE_VEHICLE, "the depot has no vehicle that may run on the plan date"));
        }
        double maxKg = routes.stream().mapToDouble(route -> route.vehicle().capacityKg()).max().orElse(0);
        double maxM3 = routes.stream().mapToDouble(route -> route.vehicle().capacityM3()).max().orElse(0);
        if (visit.order().weightKg() > maxKg || visit.order().volumeM3() > maxM3) {
            return Optional.of(new Reason(UnassignedReason.EXCEEDS_CAPACITY, String.format(
                    "%.1f kg / %.2f m3 exceeds the largest eligible vehicle (%.0f kg / %.1f m3)",
                    visit.order().weightKg(), visit.order().volumeM3(), maxKg, maxM3)));
        }
        if (routes.stream().noneMatch(route -> route.canServeAlone(visit))) {
            return Optional.of(new Reason(UnassignedReason.WINDOW_UNREACHABLE,
                    "no eligible vehicle reaches it inside " + visit.order().windows()
                            + " within its shift, the driver's hours and outside its no-entry hours"));
        }
        return Optional.empty();
    }
}
