package dev.routeplan.reports.compliance;

import static dev.routeplan.reports.compliance.ComplianceReportFixtures.BLOCKED_TRUCK;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.GRAP_DIESEL;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.NO_ENTRY;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.OKHLA;
import static dev.routeplan.reports.compliance.ComplianceReportFixtures.PERMIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceReportTests {

    private final ComplianceReport report = ComplianceReportFixtures.grapNightWithABlockedTruck();

    @Test
    void countsRoutesByStatus() {
        assertThat(report.routeCount()).isEqualTo(3);
        assertThat(report.passedRouteCount()).isEqualTo(2);
        assertThat(report.blockedRouteCount()).isEqualTo(1);
    }

    @Test
    void countsChecksByVerdict() {
        assertThat(report.checks()).hasSize(9);
        assertThat(report.count(CheckLine.PASS)).isEqualTo(4);
        assertThat(report.count(CheckLine.FAIL)).isEqualTo(1);
        assertThat(report.exemptionsUsed()).isEqualTo(1);
        assertThat(report.count(CheckLine.NOT_APPLICABLE)).isEqualTo(1);
        assertThat(report.notEvaluatedCount()).isEqualTo(2);
    }

    @Test
    void countsTheEccAsAChargeAndNeverAsAPass() {
        ComplianceReport withCharge = ComplianceReportFixtures.withEverythingToRedoAVerdict();

        assertThat(withCharge.chargeCount()).isEqualTo(1);
        assertThat(withCharge.count(CheckLine.PASS)).isZero();
        assertThat(withCharge.ruleTallies()).filteredOn(t -> t.ruleId().equals(ComplianceReportFixtures.ECC))
                .singleElement().satisfies(t -> {
                    assertThat(t.charge()).isEqualTo(1);
                    assertThat(t.pass()).isZero();
                });
    }

    @Test
    void talliesEachRuleSortedByRuleId() {
        assertThat(report.ruleTallies()).containsExactly(
                new RuleTally(NO_ENTRY, "No-entry hours for HGVs", ComplianceReportFixtures.NO_ENTRY_SOURCE, 0, 1, 1, 1, 0, 0),
                new RuleTally(PERMIT, "Entry permit on record", "", 1, 0, 0, 0, 2, 0),
                new RuleTally(GRAP_DIESEL, "GRAP IV: no BS-IV diesel goods vehicles", "", 3, 0, 0, 0, 0, 0));
        assertThat(report.ruleTallies()).allMatch(tally -> tally.total() == 3);
    }

    @Test
    void namesTheBlockedRoutesWithTheirDepotAndFailingChecks() {
        List<BlockedRoute> blocked = report.blockedRoutes();

        assertThat(blocked).singleElement().satisfies(b -> {
            assertThat(b.depot().depotId()).isEqualTo(OKHLA);
            assertThat(b.route().vehicleId()).isEqualTo(BLOCKED_TRUCK);
            assertThat(b.route().failingChecks()).extracting(CheckLine::ruleId).containsExactly(NO_ENTRY);
        });
        assertThat(report.depots().get(1).routes().get(0).exemptions()).extracting(CheckLine::message)
                .containsExactly("Exempt: ESSENTIAL_GOODS (milk)");
    }

    @Test
    void treatsAReportWithoutDepotsAsEmpty() {
        ComplianceReport empty = ComplianceReportFixtures.withoutDepots();

        assertThat(empty.routeCount()).isZero();
        assertThat(empty.ruleTallies()).isEmpty();
        assertThat(empty.blockedRoutes()).isEmpty();
    }
}
