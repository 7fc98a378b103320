package dev.routeplan.planning.compliance.verify;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.GRAP_IV;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.HALF_HOUR_LEGS;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.JAN_10_2026;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.NEHRU_PLACE;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.at;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.hgvDieselBs4Delhi;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.orderAt;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.planned;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.shippedPack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The essential-goods exemption is decided per route, from the goods type of
 * every order on it. Given a Delhi-registered BS-IV diesel HGV on Delhi roads at night at GRAP IV
 * (DL-GRAP4-DL-DIESEL-MGV-HGV bars it unless it carries essential goods), when its route carries
 * the goods listed, then the rule's verdict is as shown.
 */
class EssentialGoodsScenariosTests {

    private static final ComplianceVerifier VERIFIER = new ComplianceVerifier(shippedPack(), HALF_HOUR_LEGS);
    private static final String RULE = "DL-GRAP4-DL-DIESEL-MGV-HGV";
    private static final TimeWindow NIGHT = TimeWindow.of("23:00", "05:00");

    record Scenario(String name, List<String> goods, Verdict expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("milk and vegetables: every order essential", List.of("MILK", "Vegetables"), Verdict.EXEMPT),
                new Scenario("milk and a sofa: one order is not", List.of("MILK", "FURNITURE"), Verdict.FAIL),
                new Scenario("milk and an order without a goods type", List.of("MILK", ""), Verdict.FAIL),
                new Scenario("a sofa alone", List.of("FURNITURE"), Verdict.FAIL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario s) {
        RuleCheck check = VERIFIER.verify(route(s.goods())).check(RULE).orElseThrow();

        assertThat(check.verdict()).as(check.message()).isEqualTo(s.expected());
    }

    @Test
    void anExemptionListsEveryOrderWithItsGoods() {
        RuleCheck check = VERIFIER.verify(route(List.of("MILK", "Vegetables"))).check(RULE).orElseThrow();

        assertThat(check.evidence().get("exemption").toString()).startsWith("ESSENTIAL_GOODS");
        assertThat(check.evidence()).containsEntry("orders_goods", List.of("ORD-1 (milk)", "ORD-2 (vegetables)"));
    }

    @Test
    void aRefusalNamesTheOrdersThatAreNotEssential() {
        RuleCheck check = VERIFIER.verify(route(List.of("MILK", "FURNITURE", ""))).check(RULE).orElseThrow();

        assertThat(check.evidence().get("exemptions_not_granted").toString())
                .contains("ESSENTIAL_GOODS: not every order on the route is essential goods")
                .contains("[ORD-2 (furniture), ORD-3 (unspecified)]")
                .doesNotContain("ORD-1 (milk)");
    }

    private static RouteUnderReview route(List<String> goods) {
        List<Order> orders = new ArrayList<>();
        for (String g : goods) {
            orders.add(orderAt("ORD-" + (orders.size() + 1), NEHRU_PLACE, 300, NIGHT, 20, g));
        }
        return planned(hgvDieselBs4Delhi(), JAN_10_2026, GRAP_IV, at("23:10"), orders);
    }
}
