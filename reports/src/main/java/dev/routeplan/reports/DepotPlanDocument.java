package dev.routeplan.reports;

import dev.routeplan.planning.baseline.EfficiencyGain;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.domain.UnassignedOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Everything published for one depot on one plan date. Only routes that passed compliance are
 * here; orders of blocked routes appear among the unassigned with reason BLOCKED_BY_COMPLIANCE.
 * {@code efficiencyVsBaseline}, when the run measured it, compares the plan with the dispatcher's
 * baseline; it is null otherwise.
 */
public record DepotPlanDocument(
        LocalDate planDate,
        Depot depot,
        List<RouteDocument> routes,
        List<UnassignedOrder> unassigned,
        String rulePackId,
        String rulePackVersion,
        EfficiencyGain efficiencyVsBaseline) {

    /** A document without a comparison against the baseline. */
    public DepotPlanDocument(LocalDate planDate, Depot depot, List<RouteDocument> routes, List<UnassignedOrder> unassigned,
                             String rulePackId, String rulePackVersion) {
        this(planDate, depot, routes, unassigned, rulePackId, rulePackVersion, null);
    }

    public DepotPlanDocument {
        routes = List.copyOf(routes);
        unassigned = List.copyOf(unassigned);
    }

    public int stopCount() {
        return routes.stream().mapToInt(RouteDocument::stopCount).sum();
    }

    public double distanceKm() {
        return routes.stream().mapToDouble(r -> r.route().distanceKm()).sum();
    }

    public double drivingHours() {
        return routes.stream().mapToLong(RouteDocument::drivingSeconds).sum() / 3600.0;
    }

    /** Routes that serve at least one stop; an empty route sends no vehicle out. */
    public List<RouteDocument> routesWithStops() {
        return routes.stream().filter(r -> r.stopCount() > 0).toList();
    }

    /** Load carried over capacity of the vehicles sent out, 0..1; 0 when no vehicle goes out. */
    public double loadUtilisation() {
        double capacity = routesWithStops().stream().mapToDouble(r -> r.vehicle().capacityKg()).sum();
        double load = routesWithStops().stream().mapToDouble(RouteDocument::loadKg).sum();
        return capacity == 0 ? 0 : load / capacity;
    }

    /** The comparison with the dispatcher's baseline, if the run measured one. */
    public Optional<EfficiencyGain> efficiency() {
        return Optional.ofNullable(efficiencyVsBaseline);
    }

    /** A timeline instant as the wall-clock time in Delhi, which is what drivers and planners read. */
    public LocalDateTime localTime(long secondsAfterMidnight) {
        return new PlanClock(planDate).at(secondsAfterMidnight).toLocalDateTime();
    }
}
