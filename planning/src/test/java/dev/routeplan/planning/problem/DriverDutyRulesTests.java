package dev.routeplan.planning.problem;

import static dev.routeplan.planning.compliance.verify.ComplianceFixtures.withShift;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.verify.ComplianceFixtures;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planner's side of the driver-hours rules ({@link VehicleRules.Duty}, which the solver and the
 * hand plan both use): loading at the depot is work, a wait for a window is work, limits are kept
 * to the second, and a day of at most 6 h needs no break (MTW s.15 proviso). The figures are the
 * shipped pack's, as {@link DepotProblems} reads them.
 */
class DriverDutyRulesTests {

    private static final long MIN = 60;
    private static final long HOUR = 3600;
    private static final long AT_8 = 8 * HOUR;
    private static final DriverLimits DELHI = DepotProblems.driverLimits(ComplianceFixtures.shippedPack());

    private final VehicleRules rules = VehicleRules.of(ComplianceFixtures.threeWheelerCngDelhi(), TimeWindow.of("00:00", "00:00"),
            List.of(), List.of(), null, DELHI);

    @Test
    void thePackGivesItsLimitsToThePlanner() {
        assertThat(DELHI).isEqualTo(new DriverLimits(5 * HOUR, 30 * MIN, 8 * HOUR, 12 * HOUR, 30 * MIN, 6 * HOUR, 9 * HOUR));
    }

    @Test
    void loadingAtTheDepotCountsSoSevenHoursFortyFiveOnTheRoadIsFifteenMinutesOver() {
        VehicleRules.Duty duty = rules.duty(AT_8);
        duty.stop(AT_8 + 30 * MIN, AT_8 + 30 * MIN, AT_8 + 210 * MIN, 30 * MIN);           // 08:30-11:30, rest to 12:00
        duty.stop(AT_8 + 270 * MIN, AT_8 + 270 * MIN, AT_8 + 465 * MIN, 0);               // 12:30-15:45

        assertThat(duty.excessSeconds(AT_8 + 495 * MIN)).isEqualTo(15 * MIN);             // back 16:15
    }

    @Test
    void thirtySecondsOverEightHoursIsThirtySecondsOfExcess() {
        VehicleRules.Duty duty = rules.duty(AT_8);
        duty.stop(AT_8 + 30 * MIN + 10, AT_8 + 30 * MIN + 10, AT_8 + 210 * MIN + 10, 30 * MIN);
        duty.stop(AT_8 + 270 * MIN + 20, AT_8 + 270 * MIN + 20, AT_8 + 450 * MIN + 20, 0);

        assertThat(duty.excessSeconds(AT_8 + 480 * MIN + 30)).isEqualTo(30);
    }

    @Test
    void aWaitForAWindowIsWorkNotABreak() {
        VehicleRules.Duty duty = rules.duty(AT_8);
        duty.stop(AT_8 + 30 * MIN, AT_8 + 30 * MIN, AT_8 + 180 * MIN, 0);                   // 08:30-11:00
        duty.stop(AT_8 + 210 * MIN, AT_8 + 240 * MIN, AT_8 + 360 * MIN, 0);                 // waits 11:30-12:00, 12:00-14:00

        // 07:30 to 14:30 without a break: 7 h of continuous work, 2 h over the 5 h limit
        assertThat(duty.excessSeconds(AT_8 + 390 * MIN)).isEqualTo(2 * HOUR);
        assertThat(rules.workAfterService(rules.workAtDeparture(), AT_8, AT_8 + 30 * MIN, AT_8 + 60 * MIN, HOUR))
                .isEqualTo(30 * MIN + 60 * MIN + HOUR);
    }

    @Test
    void aShiftTooLongForNineHoursOfRestIsShortenedAtBothEnds() {
        Vehicle sixteenHours = withShift(ComplianceFixtures.threeWheelerCngDelhi(), TimeWindow.of("06:00", "22:00"));
        VehicleRules longShift = VehicleRules.of(sixteenHours, TimeWindow.of("00:00", "00:00"), List.of(), List.of(), null, DELHI);
        VehicleRules eightHours = VehicleRules.of(withShift(sixteenHours, TimeWindow.of("23:00", "07:00")),
                TimeWindow.of("00:00", "00:00"), List.of(), List.of(), null, DELHI);

        // yesterday's duty may end at 22:00: loading from 07:00 at the earliest, out at 07:30
        assertThat(longShift.earliestDeparture()).isEqualTo(7 * HOUR + 30 * MIN);
        // tomorrow's loads from 05:30: back by 20:30
        assertThat(longShift.latestReturn()).isEqualTo(20 * HOUR + 30 * MIN);
        assertThat(eightHours.earliestDeparture()).isEqualTo(23 * HOUR);
        assertThat(eightHours.latestReturn()).isEqualTo(31 * HOUR);
    }

    @Test
    void aDayOfAtMostSixHoursNeedsNoBreakAndOneSecondMoreDoes() {
        VehicleRules.Duty sixHours = rules.duty(AT_8);
        sixHours.stop(AT_8 + 30 * MIN, AT_8 + 30 * MIN, AT_8 + 300 * MIN, 0);
        VehicleRules.Duty oneSecondMore = rules.duty(AT_8);
        oneSecondMore.stop(AT_8 + 30 * MIN, AT_8 + 30 * MIN, AT_8 + 300 * MIN, 0);

        assertThat(sixHours.excessSeconds(AT_8 + 330 * MIN)).isZero();
        assertThat(oneSecondMore.excessSeconds(AT_8 + 330 * MIN + 1)).isEqualTo(HOUR + 1);
    }
}
