package dev.routeplan.planning.compliance.verify;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.HALF_HOUR_LEGS;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.shippedPack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario table of the compliance tests, on the shipped pack with half-hour legs: the 15
 * scenarios of DELHI-RULES.md section 9, then the rows of each later finding. Each row is a route,
 * the rule under test with its expected verdict, and the exact set of failing checks of the whole
 * route. The rows live beside the vehicles and routes they use, in the class of their subject.
 */
class ComplianceScenariosTests {

    private static final ComplianceVerifier VERIFIER = new ComplianceVerifier(shippedPack(), HALF_HOUR_LEGS);

    @ParameterizedTest(name = "{0}")
    @MethodSource({
            "dev.routeplan.planning.compliance.verify.DelhiRulesScenariosTests#scenarios",
            "dev.routeplan.planning.compliance.verify.ZoneEdgesScenariosTests#scenarios",
            "dev.routeplan.planning.compliance.verify.VehicleAgeScenariosTests#scenarios",
            "dev.routeplan.planning.compliance.verify.EntryAndEvidenceScenariosTests#scenarios",
            "dev.routeplan.planning.compliance.verify.EvidenceScenariosTests#scenarios"})
    void scenario(RouteScenario s) {
        s.holdsFor(VERIFIER);
    }
}
