package dev.routeplan.reports;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.UnassignedOrder;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything published for one depot on one plan date. Only routes that passed compliance are
 * here; orders of blocked routes appear among the unassigned with reason BLOCKED_BY_COMPLIANCE.
 */
public record DepotPlanDocument(
        LocalDate planDate,
        Depot depot,
        List<RouteDocument> routes,
        List<UnassignedOrder> unassigned,
        String rulePackId,
        String rulePackVersion) {

    public DepotPlanDocument {
        routes = List.copyOf(routes);
        unassigned = List.copyOf(unassigned);
    }
}
