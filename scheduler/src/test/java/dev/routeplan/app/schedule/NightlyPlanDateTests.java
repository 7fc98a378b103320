package dev.routeplan.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Which day a firing of the nightly schedule plans: the day after its slot, in IST. */
class NightlyPlanDateTests {

    private static final TimeZone IST = TimeZone.getTimeZone(ScheduleName.BUSINESS_ZONE);

    @Test
    void aFiringOnTimeStandsForItsOwnSlot() {
        Instant at = ist(2026, 12, 4, 1, 30);
        assertThat(CronSlots.latestAtOrBefore("0 30 1 * * ?", IST, at)).contains(at);
    }

    @Test
    void aFiringLateAfterAMisfireStandsForTheSlotItMissed() {
        // down from 01:00 to 03:10: the firing at 03:10 is the night of 4 December, which plans the 5th
        Instant slot = CronSlots.latestAtOrBefore("0 30 1 * * ?", IST, ist(2026, 12, 4, 3, 10)).orElseThrow();
        assertThat(slot).isEqualTo(ist(2026, 12, 4, 1, 30));
        assertThat(slot.atZone(ScheduleName.BUSINESS_ZONE).toLocalDate().plusDays(1)).isEqualTo(LocalDate.of(2026, 12, 5));
    }

    @Test
    void justBeforeTonightsSlotTheLatestIsLastNights() {
        assertThat(CronSlots.latestAtOrBefore("0 30 1 * * ?", IST, ist(2026, 12, 5, 1, 29)))
                .contains(ist(2026, 12, 4, 1, 30));
    }

    @Test
    void aCronInAnotherZoneIsReadInItsZone() {
        // 20:00 UTC is 01:30 IST the next day
        Instant slot = CronSlots.latestAtOrBefore("0 0 20 * * ?", TimeZone.getTimeZone("UTC"), ist(2026, 12, 5, 2, 0))
                .orElseThrow();
        assertThat(slot).isEqualTo(ist(2026, 12, 5, 1, 30));
    }

    private static Instant ist(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ScheduleName.BUSINESS_ZONE).toInstant();
    }
}
