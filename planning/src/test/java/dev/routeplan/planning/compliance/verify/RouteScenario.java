package dev.routeplan.planning.compliance.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

/**
 * One row of a scenario table: a route, the rule under test with its expected verdict, and the
 * exact set of failing checks of the whole route (plan checks included), so that a row also proves
 * that nothing else fails and that the route is blocked exactly when something does.
 */
record RouteScenario(String name, RouteUnderReview review, String ruleUnderTest, Verdict expected, Set<String> failing) {

    @Override
    public String toString() {
        return name;
    }

    void holdsFor(ComplianceVerifier verifier) {
        RouteVerdict verdict = verifier.verify(review);

        assertThat(verdict.check(ruleUnderTest)).as(ruleUnderTest).get()
                .satisfies(c -> assertThat(c.verdict()).as(c.ruleId() + ": " + c.message()).isEqualTo(expected));
        assertThat(verdict.failures()).extracting(RuleCheck::ruleId)
                .as("failing checks: %s", verdict.failures().stream().map(RuleCheck::message).toList())
                .containsExactlyInAnyOrderElementsOf(failing);
        assertThat(verdict.blocked()).isEqualTo(!failing.isEmpty());
    }
}
