package dev.routeplan.planning.compliance.pack;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.FEB_28_2026;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.GRAP_II;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.GRAP_III;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.JAN_10_2026;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.MAR_14_2026;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.hgvDieselBs6Haryana;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.lgvDieselBs4Delhi;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.shippedPack;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.vehicle;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.withDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.verify.ComplianceFixtures;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VehicleEligibilityTests {

    private static final LocalDate REGISTERED_15_MAR_2016 = LocalDate.of(2016, 3, 15);
    private static final LocalDate REGISTERED_LEAP_DAY_2016 = LocalDate.of(2016, 2, 29);

    private final VehicleEligibility eligibility = new VehicleEligibility(shippedPack());

    @Test
    void aDieselVehicleMayRunOnTheDayBeforeItsTenthAnniversaryButNotOnIt() {
        Vehicle lgv = lgvDieselBs4Delhi(REGISTERED_15_MAR_2016);

        assertThat(eligibility.check(lgv, MAR_14_2026)).isEmpty();
        assertThat(eligibility.check(lgv, MAR_14_2026.plusDays(1)))
                .extracting(Ineligibility::ruleId).containsExactly("DL-AGE-DIESEL-10Y");
    }

    @Test
    void aLeapDayRegistrationReachesTenYearsOnTheTwentyEighthOfFebruary() {
        Vehicle lgv = lgvDieselBs4Delhi(REGISTERED_LEAP_DAY_2016);

        assertThat(eligibility.check(lgv, FEB_28_2026.minusDays(1))).isEmpty();
        assertThat(eligibility.check(lgv, FEB_28_2026)).singleElement()
                .satisfies(i -> {
                    assertThat(i.ruleId()).isEqualTo("DL-AGE-DIESEL-10Y");
                    assertThat(i.reason()).contains("2026-02-28");
                });
    }

    @Test
    void aPetrolVehicleIsHeldToFifteenYearsNotTen() {
        Vehicle petrol = vehicle("DL-PETROL", VehicleClass.LGV, Fuel.PETROL, EmissionNorm.BS4,
                LocalDate.of(2012, 1, 1), "DL", 3_000, ComplianceFixtures.DAY_SHIFT);

        assertThat(eligibility.check(petrol, JAN_10_2026)).isEmpty();
        assertThat(eligibility.check(petrol, LocalDate.of(2027, 1, 1)))
                .extracting(Ineligibility::ruleId).containsExactly("DL-AGE-PETROL-15Y");
    }

    @Test
    void aPucThatExpiredBeforeThePlanDateMakesTheVehicleIneligible() {
        Vehicle truck = withDocuments(hgvDieselBs6Haryana(), LocalDate.of(2026, 1, 5), LocalDate.of(2030, 1, 1));

        assertThat(eligibility.check(truck, JAN_10_2026)).extracting(Ineligibility::ruleId).containsExactly("DL-DOC-PUC");
    }

    @Test
    void anExpiredPermitMakesAHeavyVehicleIneligible() {
        Vehicle truck = withDocuments(hgvDieselBs6Haryana(), LocalDate.of(2030, 1, 1), LocalDate.of(2025, 12, 31));

        assertThat(eligibility.check(truck, JAN_10_2026)).extracting(Ineligibility::ruleId).containsExactly("DL-DOC-PERMIT");
    }

    @Test
    void vehiclesUpToThreeTonnesAndElectricVehiclesNeedNoPermit() {
        Vehicle light = withDocuments(vehicle("DL-SMALL", VehicleClass.LGV, Fuel.CNG, EmissionNorm.BS6,
                LocalDate.of(2023, 1, 1), "DL", 3_000, ComplianceFixtures.DAY_SHIFT), LocalDate.of(2030, 1, 1), null);
        Vehicle electric = withDocuments(vehicle("DL-EV", VehicleClass.LGV, Fuel.ELECTRIC, null,
                LocalDate.of(2023, 1, 1), "DL", 7_000, ComplianceFixtures.DAY_SHIFT), LocalDate.of(2030, 1, 1), null);

        assertThat(eligibility.check(light, JAN_10_2026)).isEmpty();
        assertThat(eligibility.check(electric, JAN_10_2026)).isEmpty();
    }

    @Test
    void aWholeDayGrapBanMakesTheVehicleIneligibleAtThatStage() {
        Vehicle lgv = lgvDieselBs4Delhi(LocalDate.of(2019, 1, 1));

        assertThat(eligibility.check(lgv, JAN_10_2026, GRAP_II)).isEmpty();
        assertThat(eligibility.check(lgv, JAN_10_2026, GRAP_III))
                .extracting(Ineligibility::ruleId).containsExactly("DL-GRAP3-LMV-BS3P-BS4D");
    }

    @Test
    void aThreeWheelerCountsAsAnLgvForRulesThatListLgvUnlessTheyExcludeIt() {
        Vehicle oldDiesel3w = vehicle("DL-3W-OLD", VehicleClass.THREE_WHEELER, Fuel.DIESEL, EmissionNorm.BS3,
                LocalDate.of(2014, 6, 1), "DL", 1_200, ComplianceFixtures.DAY_SHIFT);

        assertThat(shippedPack().classChain(VehicleClass.THREE_WHEELER)).containsExactly("LGV_3W", "LGV");
        assertThat(eligibility.check(oldDiesel3w, JAN_10_2026, GRAP_III))
                .as("the age rule lists LGV; the GRAP III LMV ban excludes LGV_3W")
                .extracting(Ineligibility::ruleId).containsExactly("DL-AGE-DIESEL-10Y");
    }
}
