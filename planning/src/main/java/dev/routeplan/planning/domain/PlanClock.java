package dev.routeplan.planning.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Turns timeline seconds (after 00:00 on the plan date) into Asia/Kolkata date-times. */
public record PlanClock(LocalDate planDate) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    public OffsetDateTime at(long secondsAfterMidnight) {
        return planDate.atStartOfDay(ZONE).plusSeconds(secondsAfterMidnight).toOffsetDateTime();
    }
}
