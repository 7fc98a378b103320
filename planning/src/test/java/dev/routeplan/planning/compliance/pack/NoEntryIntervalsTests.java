package dev.routeplan.planning.compliance.pack;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.GRAP_I;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.GRAP_III;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.GRAP_IV;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.JAN_10_2026;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.MAR_14_2026;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.hgvDieselBs4Delhi;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.hgvDieselBs6Haryana;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.lgvDieselBs4Delhi;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.shippedPack;
import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.threeWheelerCngDelhi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.routeplan.planning.domain.NoEntryInterval;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoEntryIntervalsTests {

    private static final long DAY = 86_400;
    private static final Set<String> NO_CARGO = Set.of();
    private final RulePack pack = shippedPack();

    @Test
    void anHgvIsBannedFromSevenToElevenOnEachDayOfTheHorizon() {
        List<NoEntryInterval> intervals = pack.noEntryIntervals(hgvDieselBs6Haryana(), JAN_10_2026, GRAP_I, NO_CARGO);

        assertThat(intervals).extracting(NoEntryInterval::ruleId, NoEntryInterval::startSeconds, NoEntryInterval::endSeconds)
                .containsExactly(
                        tuple("DL-NOENTRY-HGV", -DAY + 7 * 3600, -DAY + 23 * 3600),
                        tuple("DL-NOENTRY-HGV", 7 * 3600L, 23 * 3600L),
                        tuple("DL-NOENTRY-HGV", DAY + 7 * 3600, DAY + 23 * 3600));
    }

    @Test
    void aThreeWheelerIsOutsideTheHgvWindowAndTheGrapThreeLmvBan() {
        assertThat(pack.noEntryIntervals(threeWheelerCngDelhi(), JAN_10_2026, GRAP_III, NO_CARGO)).isEmpty();
    }

    @Test
    void atGrapThreeADieselBs4LgvIsBannedAllDayEveryDay() {
        List<NoEntryInterval> intervals = pack.noEntryIntervals(
                lgvDieselBs4Delhi(LocalDate.of(2019, 1, 1)), JAN_10_2026, GRAP_III, NO_CARGO);

        assertThat(intervals).extracting(NoEntryInterval::ruleId, NoEntryInterval::startSeconds, NoEntryInterval::endSeconds)
                .containsExactly(
                        tuple("DL-GRAP3-LMV-BS3P-BS4D", -DAY, 0L),
                        tuple("DL-GRAP3-LMV-BS3P-BS4D", 0L, DAY),
                        tuple("DL-GRAP3-LMV-BS3P-BS4D", DAY, 2 * DAY));
    }

    @Test
    void atGrapFourTheDelhiDieselHgvBanIsLiftedOnlyWhenAllCargoIsEssential() {
        var truck = hgvDieselBs4Delhi();

        assertThat(ruleIds(pack.noEntryIntervals(truck, JAN_10_2026, GRAP_IV, Set.of("MILK", "VEGETABLES"))))
                .doesNotContain("DL-GRAP4-DL-DIESEL-MGV-HGV")
                .as("the city-wide window has no essential-goods exemption").contains("DL-NOENTRY-HGV");
        assertThat(ruleIds(pack.noEntryIntervals(truck, JAN_10_2026, GRAP_IV, Set.of("MILK", "FURNITURE"))))
                .contains("DL-GRAP4-DL-DIESEL-MGV-HGV");
        assertThat(ruleIds(pack.noEntryIntervals(truck, JAN_10_2026, GRAP_IV, NO_CARGO)))
                .as("an empty route proves no exemption").contains("DL-GRAP4-DL-DIESEL-MGV-HGV");
    }

    @Test
    void aDieselLgvReachingTenYearsAtMidnightIsBannedFromMidnightOn() {
        List<NoEntryInterval> intervals = pack.noEntryIntervals(
                lgvDieselBs4Delhi(LocalDate.of(2016, 3, 15)), MAR_14_2026, GRAP_I, NO_CARGO);

        assertThat(intervals).extracting(NoEntryInterval::ruleId, NoEntryInterval::startSeconds, NoEntryInterval::endSeconds)
                .containsExactly(tuple("DL-AGE-DIESEL-10Y", DAY, 2 * DAY));
    }

    private static List<String> ruleIds(List<NoEntryInterval> intervals) {
        return intervals.stream().map(NoEntryInterval::ruleId).distinct().toList();
    }
}
