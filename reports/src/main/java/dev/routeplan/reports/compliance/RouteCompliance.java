package dev.routeplan.reports.compliance;

import java.util.List;

/** A vehicle's route for the night and every check run against it; BLOCKED routes are not published. */
public record RouteCompliance(
        String vehicleId,
        String vehicleClass,
        String status,
        List<CheckLine> checks) {

    public static final String PASSED = "PASSED";
    public static final String BLOCKED = "BLOCKED";

    public RouteCompliance {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    public boolean blocked() {
        return BLOCKED.equals(status);
    }

    public boolean passed() {
        return PASSED.equals(status);
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
