package dev.routeplan.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class ClockTimeTests {

    @Test
    void readsOneOrTwoDigitHours() {
        assertThat(ClockTime.parse("7:05")).isEqualTo(LocalTime.of(7, 5));
        assertThat(ClockTime.parse("07:05")).isEqualTo(LocalTime.of(7, 5));
        assertThat(ClockTime.parse("23:59")).isEqualTo(LocalTime.of(23, 59));
    }

    @Test
    void readsTwentyFourHundredAsTheEndOfTheDay() {
        assertThat(ClockTime.parse("24:00")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(ClockTime.secondOfDay("24:00")).isEqualTo(86_400);
        assertThat(new TimeWindow(ClockTime.parse("20:00"), ClockTime.parse("24:00")).endSeconds()).isEqualTo(86_400);
    }

    @Test
    void rejectsTimesPastTheEndOfTheDayOrWrittenOtherwise() {
        for (String bad : new String[] {"24:01", "25:00", "26:00", "7:5", "7.05", "", "noon"}) {
            assertThatThrownBy(() -> ClockTime.parse(bad)).as(bad)
                    .isInstanceOf(DateTimeParseException.class)
                    .hasMessage("\"" + bad + "\" is not a time H:mm or 24:00");
        }
    }

    @Test
    void formatsTheTimeOfDayWithTwoDigitHours() {
        assertThat(ClockTime.format(LocalTime.of(7, 5))).isEqualTo("07:05");
        assertThat(ClockTime.format(86_400 + 3_600)).isEqualTo("01:00");
        assertThat(ClockTime.format(86_400)).isEqualTo("00:00");
        assertThat(ClockTime.formatEnd(86_400)).isEqualTo("24:00");
        assertThat(ClockTime.formatEnd(86_400 + 6 * 3_600)).isEqualTo("06:00");
    }
}
