package dev.routeplan.reports.excel;

import dev.routeplan.planning.baseline.EfficiencyGain;
import dev.routeplan.planning.domain.UnassignedReason;
import dev.routeplan.reports.DepotPlanDocument;
import dev.routeplan.reports.RouteDocument;
import java.util.List;
import java.util.Optional;

/**
 * The figures a planner compares between depots, for one depot or added up over a run.
 *
 * <p>Blocked work is counted in orders: a document holds only the routes that passed, and a
 * blocked route's orders come back as unassigned orders that do not say which vehicle they were
 * on (the vehicle is only inside the free-text detail).
 */
record DepotFigures(
        int vehiclesUsed,
        int stops,
        double km,
        double drivingHours,
        double loadKg,
        double capacityKg,
        int unassigned,
        int blockedOrders,
        EfficiencyGain efficiencyOrNull) {

    static DepotFigures of(DepotPlanDocument doc) {
        List<RouteDocument> used = doc.routesWithStops();
        return new DepotFigures(used.size(), doc.stopCount(), doc.distanceKm(), doc.drivingHours(),
                used.stream().mapToDouble(RouteDocument::loadKg).sum(),
                used.stream().mapToDouble(r -> r.vehicle().capacityKg()).sum(),
                doc.unassigned().size(),
                (int) doc.unassigned().stream().filter(u -> u.reason() == UnassignedReason.BLOCKED_BY_COMPLIANCE).count(),
                doc.efficiency().orElse(null));
    }

    /**
     * The run's totals. The baseline comparison adds up only when every depot measured one: a
     * total over some depots, next to km over all of them, would read as a gain nobody made.
     */
    static DepotFigures total(List<DepotPlanDocument> docs) {
        DepotFigures total = new DepotFigures(0, 0, 0, 0, 0, 0, 0, 0, null);
        boolean allMeasured = !docs.isEmpty();
        for (DepotPlanDocument doc : docs) {
            DepotFigures depot = of(doc);
            allMeasured &= depot.efficiencyOrNull() != null;
            EfficiencyGain efficiency = !allMeasured ? null
                    : total.efficiencyOrNull() == null ? depot.efficiencyOrNull()
                    : total.efficiencyOrNull().plus(depot.efficiencyOrNull());
            total = new DepotFigures(total.vehiclesUsed + depot.vehiclesUsed, total.stops + depot.stops,
                    total.km + depot.km, total.drivingHours + depot.drivingHours, total.loadKg + depot.loadKg,
                    total.capacityKg + depot.capacityKg, total.unassigned + depot.unassigned,
                    total.blockedOrders + depot.blockedOrders, efficiency);
        }
        return total;
    }

    /** Load carried over capacity of the vehicles sent out, 0..1; 0 when no vehicle goes out. */
    double loadUtilisation() {
        return capacityKg == 0 ? 0 : loadKg / capacityKg;
    }

    Optional<EfficiencyGain> efficiency() {
        return Optional.ofNullable(efficiencyOrNull);
    }

    /** "comparable", or why the km are not: the two plans serve different numbers of orders. */
    static String comparability(EfficiencyGain gain) {
        return gain.comparable() ? "comparable"
                : "not comparable: baseline serves " + gain.baselineServedOrders() + " orders, plan "
                        + gain.optimisedServedOrders();
    }
}
