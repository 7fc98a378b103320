package dev.routeplan.planning.compliance.verify;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.DAY_SHIFT;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.HALF_HOUR_LEGS;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.NIGHT_SHIFT;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.shippedPack;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.vehicle;
import static dev.routeplan.planning.compliance.verify.DelhiRulesScenariosTests.nehruPlace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.Ineligibility;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.VehicleEligibility;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * In the scenario style of {@link DelhiRulesScenariosTests}: the age rules'
 * evidence names the day the vehicle reaches its limit however far ahead it is, and a factory
 * CNG or LNG vehicle falls under the 15-year rule (the pack's decision; electric vehicles under none).
 */
class VehicleAgeScenariosTests {

    private static final RulePack PACK = shippedPack();
    private static final ComplianceVerifier VERIFIER = new ComplianceVerifier(PACK, HALF_HOUR_LEGS);
    private static final GrapCalendar STAGE_I = GrapCalendar.constant(1, "constant");
    private static final String FURNITURE = "FURNITURE";
    private static final LocalDate JUN_01_2026 = LocalDate.of(2026, 6, 1);
    private static final LocalDate DEC_01_2026 = LocalDate.of(2026, 12, 1);

    static Vehicle lgvCngDelhi(LocalDate registered) {
        return vehicle("DL-1L-LGV-CNG-" + registered, VehicleClass.LGV, Fuel.CNG, EmissionNorm.BS4, registered,
                "DL", 3_500, DAY_SHIFT);
    }

    static Vehicle hgvLngDelhi(LocalDate registered) {
        return vehicle("DL-1G-HGV-LNG-" + registered, VehicleClass.HGV, Fuel.LNG, EmissionNorm.BS4, registered,
                "DL", 25_000, NIGHT_SHIFT);
    }

    static Vehicle lgvElectricDelhi(LocalDate registered) {
        return vehicle("DL-1L-LGV-EV-" + registered, VehicleClass.LGV, Fuel.ELECTRIC, null, registered,
                "DL", 3_500, DAY_SHIFT);
    }

    static Vehicle lgvDieselBs6Delhi(LocalDate registered) {
        return vehicle("DL-1L-LGV-BS6-" + registered, VehicleClass.LGV, Fuel.DIESEL, EmissionNorm.BS6, registered,
                "DL", 3_500, DAY_SHIFT);
    }

    /** The table's daytime route: a furniture drop at Nehru Place, 10:00-12:00 at GRAP stage I. */
    private static RouteUnderReview daytimeFurnitureDrop(Vehicle v, LocalDate planDate) {
        return nehruPlace(v, planDate, STAGE_I, "10:00", "12:00", FURNITURE);
    }

    /** This table's rows, run by {@link ComplianceScenariosTests}. */
    static Stream<RouteScenario> scenarios() {
        return Stream.of(
                new RouteScenario("factory CNG LGV on its fifteenth anniversary",
                        daytimeFurnitureDrop(lgvCngDelhi(LocalDate.of(2011, 6, 1)), JUN_01_2026),
                        "DL-AGE-PETROL-15Y", Verdict.FAIL, Set.of("DL-AGE-PETROL-15Y")),
                new RouteScenario("factory CNG LGV on its last legal day",
                        daytimeFurnitureDrop(lgvCngDelhi(LocalDate.of(2011, 6, 2)), JUN_01_2026),
                        "DL-AGE-PETROL-15Y", Verdict.PASS, Set.of()),
                new RouteScenario("LNG HGV at night, over 15 years old",
                        nehruPlace(hgvLngDelhi(LocalDate.of(2011, 1, 15)), JUN_01_2026, STAGE_I, "23:30", "03:00", FURNITURE),
                        "DL-AGE-PETROL-15Y", Verdict.FAIL, Set.of("DL-AGE-PETROL-15Y")),
                new RouteScenario("electric LGV 16 years old: no age rule",
                        daytimeFurnitureDrop(lgvElectricDelhi(LocalDate.of(2010, 1, 1)), JUN_01_2026),
                        "DL-AGE-PETROL-15Y", Verdict.NOT_APPLICABLE, Set.of()),
                new RouteScenario("diesel LGV five years before its limit",
                        daytimeFurnitureDrop(lgvDieselBs6Delhi(LocalDate.of(2022, 3, 1)), DEC_01_2026),
                        "DL-AGE-DIESEL-10Y", Verdict.PASS, Set.of()));
    }


    @Test
    void mayPlyUntilNamesTheFirstIllegalDayEvenYearsAhead() {
        // the finding: 1,917 days ahead, the evidence said 2029-08-28 (clamped to 1,000 days)
        RuleCheck age = VERIFIER.verify(daytimeFurnitureDrop(lgvDieselBs6Delhi(LocalDate.of(2022, 3, 1)), DEC_01_2026))
                .check("DL-AGE-DIESEL-10Y").orElseThrow();

        assertThat(age.evidence())
                .containsEntry("first_illegal_day", "2032-03-01")
                .containsEntry("may_ply_until", "2032-03-01T00:00+05:30");
    }

    @Test
    void aDeadlineYearsAheadIsExactOnTheTimeline() {
        long seconds = RulePack.secondsFromPlanDate(DEC_01_2026, LocalDate.of(2032, 3, 1));

        assertThat(new PlanClock(DEC_01_2026).at(seconds)).hasToString("2032-03-01T00:00+05:30");
        assertThat(new PlanClock(DEC_01_2026).at(RulePack.secondsFromPlanDate(DEC_01_2026, LocalDate.of(2023, 6, 30))))
                .hasToString("2023-06-30T00:00+05:30");
    }

    @Test
    void anOverAgeCngVehicleIsSetAsideBeforePlanningAndAnElectricOneIsNot() {
        VehicleEligibility eligibility = new VehicleEligibility(PACK);

        assertThat(eligibility.check(lgvCngDelhi(LocalDate.of(2011, 6, 1)), JUN_01_2026))
                .extracting(Ineligibility::ruleId).containsExactly("DL-AGE-PETROL-15Y");
        assertThat(eligibility.check(lgvElectricDelhi(LocalDate.of(2010, 1, 1)), JUN_01_2026)).isEmpty();
    }
}
