package dev.routeplan.reports.compliance;

import java.util.List;

/** One depot's routes as the verifier left them. */
public record DepotCompliance(
        String depotId,
        String depotName,
        List<RouteCompliance> routes) {

    public DepotCompliance {
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    public List<RouteCompliance> blockedRoutes() {
        return routes.stream().filter(RouteCompliance::blocked).toList();
    }

    public long passedRouteCount() {
        return routes.stream().filter(RouteCompliance::passed).count();
    }

    /** How many checks of this depot's routes ended with {@code verdict}. */
    public long count(String verdict) {
        return routes.stream().mapToLong(route -> route.count(verdict)).sum();
    }
}
