package dev.routeplan.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DriverPhoneTests {

    @Test
    void groupsAStoredNumberFiveAndFive() {
        assertThat(DriverPhone.readable("+919849609920")).isEqualTo("+91 98496 09920");
    }

    @Test
    void groupsANumberWrittenAnotherWayAlike() {
        assertThat(DriverPhone.readable("098496 09920")).isEqualTo("+91 98496 09920");
    }

    @Test
    void leavesNoNumberEmptyNeverNull() {
        assertThat(DriverPhone.readable("")).isEmpty();
        assertThat(DriverPhone.readable(null)).isEmpty();
    }

    @Test
    void showsWhatIsNotAMobileNumberAsWritten() {
        assertThat(DriverPhone.readable(" 011 2345 6789 ")).isEqualTo("011 2345 6789");
    }
}
