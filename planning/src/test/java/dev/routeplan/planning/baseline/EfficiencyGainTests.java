package dev.routeplan.planning.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EfficiencyGainTests {

    @Test
    void measuresTheKmSavedAgainstTheBaseline() {
        EfficiencyGain gain = new EfficiencyGain(200, 150, 40, 40);

        assertThat(gain.gain()).isCloseTo(0.25, within(1e-12));
        assertThat(gain.comparable()).isTrue();
        assertThat(gain.baselineKmPerOrder()).isCloseTo(5.0, within(1e-12));
        assertThat(gain.optimisedKmPerOrder()).isCloseTo(3.75, within(1e-12));
    }

    @Test
    void isNotComparableWhenTheBaselineServesFewerOrders() {
        EfficiencyGain gain = new EfficiencyGain(100, 120, 20, 30);

        assertThat(gain.comparable()).isFalse();
        assertThat(gain.gain()).isNegative();
        assertThat(gain.optimisedKmPerOrder()).isLessThan(gain.baselineKmPerOrder());
    }

    @Test
    void isZeroNotNanWhenNothingIsDriven() {
        EfficiencyGain nothing = new EfficiencyGain(0, 0, 0, 0);

        assertThat(nothing.gain()).isZero();
        assertThat(nothing.baselineKmPerOrder()).isZero();
        assertThat(nothing.optimisedKmPerOrder()).isZero();
        assertThatThrownBy(() -> new EfficiencyGain(Double.NaN, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsUpDepots() {
        EfficiencyGain total = new EfficiencyGain(100, 80, 10, 10).plus(new EfficiencyGain(50, 40, 5, 6));

        assertThat(total).isEqualTo(new EfficiencyGain(150, 120, 15, 16));
    }
}
