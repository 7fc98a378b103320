package dev.routeplan.reports.compliance;

/** A blocked route together with the depot it would have left from. */
public record BlockedRoute(DepotCompliance depot, RouteCompliance route) {
}
