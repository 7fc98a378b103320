package dev.routeplan.planning.compliance.verify;

import java.util.List;
import java.util.Optional;

/** All checks of one route; {@code blocked} when any HARD check failed. */
public record RouteVerdict(String vehicleId, boolean blocked, List<RuleCheck> checks) {

    public RouteVerdict {
        checks = List.copyOf(checks);
    }

    static RouteVerdict of(String vehicleId, List<RuleCheck> checks) {
        return new RouteVerdict(vehicleId, checks.stream().anyMatch(RuleCheck::blocks), checks);
    }

    public Optional<RuleCheck> check(String ruleId) {
        return checks.stream().filter(c -> c.ruleId().equals(ruleId)).findFirst();
    }

    public List<RuleCheck> failures() {
        return checks.stream().filter(c -> c.verdict() == Verdict.FAIL).toList();
    }
}
