package dev.routeplan.app.schedule;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.app.schedule.ScheduleTriggers.InvalidSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a cron of a schedule may be: a Quartz cron (seconds first) whose every field is in its range. */
class ScheduleTriggersTests {

    @ParameterizedTest
    @ValueSource(strings = {"0 30 1 * * ?", "0 0/15 * * * ?", "30 59 23 ? * MON-FRI", "0 0,30 2-4 * * ?", "0 5/10 * * * ? 2027"})
    void takesACronWhoseFieldsAreInRange(String cron) {
        assertThatCode(() -> ScheduleTriggers.validate(cron)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 99 1 * * ?    | Minute values must be between 0 and 59",
            "60 30 1 * * ?   | Second values must be between 0 and 59",
            "0 10-75 1 * * ? | Minute and Second values must be between 0 and 59",
            "0 5,61 1 * * ?  | Minute and Second values must be between 0 and 59",
            "0 70/5 * * * ?  | Minute and Second values must be between 0 and 59",
            "0 30 25 * * ?   | Hour values must be between 0 and 23",
            "30 1 * * *      | not a Quartz cron expression"})
    void refusesAFieldOutOfItsRangeSayingWhich(String cron, String why) {
        assertThatThrownBy(() -> ScheduleTriggers.validate(cron)).isInstanceOf(InvalidSchedule.class)
                .hasMessageStartingWith("not a Quartz cron expression").hasMessageContaining(why)
                .hasMessageContaining("'" + cron + "'");
    }
}
