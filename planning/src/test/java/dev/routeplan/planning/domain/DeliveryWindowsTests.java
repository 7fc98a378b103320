package dev.routeplan.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveryWindowsTests {

    static final long HOUR = 3600;
    static final DeliveryWindows MORNING_AND_EVENING =
            DeliveryWindows.of(TimeWindow.of("09:00", "11:00"), TimeWindow.of("16:00", "18:00"));

    @Test
    void anEarlyArrivalWaitsForTheFirstWindow() {
        assertThat(MORNING_AND_EVENING.serviceStart(8 * HOUR)).isEqualTo(9 * HOUR);
    }

    @Test
    void anArrivalInsideAWindowIsServedOnArrival() {
        assertThat(MORNING_AND_EVENING.serviceStart(10 * HOUR)).isEqualTo(10 * HOUR);
        assertThat(MORNING_AND_EVENING.serviceStart(17 * HOUR)).isEqualTo(17 * HOUR);
    }

    @Test
    void anArrivalBetweenTheWindowsWaitsForTheSecond() {
        assertThat(MORNING_AND_EVENING.serviceStart(11 * HOUR)).isEqualTo(16 * HOUR);
        assertThat(MORNING_AND_EVENING.lateness(11 * HOUR)).isZero();
        assertThat(MORNING_AND_EVENING.contains(16 * HOUR)).isTrue();
    }

    @Test
    void anArrivalAfterBothWindowsIsLateByTheTimePastTheLastEnd() {
        assertThat(MORNING_AND_EVENING.serviceStart(18 * HOUR + 600)).isEqualTo(18 * HOUR + 600);
        assertThat(MORNING_AND_EVENING.lateness(18 * HOUR + 600)).isEqualTo(601);
        assertThat(MORNING_AND_EVENING.contains(18 * HOUR + 600)).isFalse();
    }

    @Test
    void aSecondWindowMayCrossMidnight() {
        DeliveryWindows dayAndNight = DeliveryWindows.of(TimeWindow.of("09:00", "11:00"), TimeWindow.of("23:00", "02:00"));

        assertThat(dayAndNight.serviceStart(12 * HOUR)).isEqualTo(23 * HOUR);
        assertThat(dayAndNight.lateness(25 * HOUR)).isZero();
        assertThat(dayAndNight.lateness(26 * HOUR)).isEqualTo(1);
    }

    @Test
    void keepsTheWindowsInOrderAndPrintsBoth() {
        DeliveryWindows reversed = DeliveryWindows.of(TimeWindow.of("16:00", "18:00"), TimeWindow.of("09:00", "11:00"));

        assertThat(reversed.first()).isEqualTo(TimeWindow.of("09:00", "11:00"));
        assertThat(reversed).hasToString("09:00-11:00, 16:00-18:00").isEqualTo(MORNING_AND_EVENING);
    }

    @Test
    void refusesOverlappingWindows() {
        assertThatThrownBy(() -> DeliveryWindows.of(TimeWindow.of("09:00", "13:00"), TimeWindow.of("12:00", "15:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
    }

    @Test
    void aSingleWindowBehavesAsBefore() {
        DeliveryWindows one = DeliveryWindows.of(TimeWindow.of("23:00", "05:00"));

        assertThat(one.second()).isEmpty();
        assertThat(one.serviceStart(20 * HOUR)).isEqualTo(23 * HOUR);
        assertThat(one.lateness(29 * HOUR)).isEqualTo(1);
        assertThat(one).hasToString("23:00-05:00");
    }
}
