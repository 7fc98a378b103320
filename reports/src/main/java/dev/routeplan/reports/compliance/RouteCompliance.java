package dev.routeplan.reports.compliance;

import dev.routeplan.planning.domain.RouteStatus;
import java.util.List;

/**
 * A vehicle's route for the night, every check run against it and the legs its times come from;
 * BLOCKED routes are not published.
 */
public record RouteCompliance(
        String vehicleId,
        String vehicleClass,
        RouteStatus status,
        List<CheckLine> checks,
        List<LegLine> legs) {

    public RouteCompliance {
        checks = checks == null ? List.of() : List.copyOf(checks);
        legs = legs == null ? List.of() : List.copyOf(legs);
    }

    /** A route whose legs were not recorded. */
    public RouteCompliance(String vehicleId, String vehicleClass, RouteStatus status, List<CheckLine> checks) {
        this(vehicleId, vehicleClass, status, checks, List.of());
    }

    public boolean blocked() {
        return status == RouteStatus.BLOCKED;
    }

    public boolean passed() {
        return status == RouteStatus.PASSED;
    }

    /** How many of this route's checks ended with {@code verdict} (one of the {@link CheckLine} constants). */
    public long count(String verdict) {
        return checks.stream().filter(check -> check.is(verdict)).count();
    }

    public List<CheckLine> failingChecks() {
        return checks.stream().filter(CheckLine::failed).toList();
    }

    public List<CheckLine> exemptions() {
        return checks.stream().filter(CheckLine::exempted).toList();
    }
}
