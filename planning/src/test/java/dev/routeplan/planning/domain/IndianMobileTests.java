package dev.routeplan.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndianMobileTests {

    @Test
    void writesEveryUsualFormOfOneNumberTheSameWay() {
        for (String written : new String[] {"+91 98765 41234", "919876541234", "09876541234", "(98765) 41-234", "9876541234"}) {
            assertThat(IndianMobile.normalise(written)).as(written).contains("+919876541234");
        }
    }

    @Test
    void refusesWhatIsNotAMobileNumber() {
        for (String written : new String[] {"5876541234", "98765412", "+1 415 555 0100", "", "phone"}) {
            assertThat(IndianMobile.normalise(written)).as(written).isEmpty();
        }
        assertThat(IndianMobile.normalise(null)).isEmpty();
    }
}
