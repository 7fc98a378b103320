package dev.routeplan.planning.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EfficiencyGainTests {

    @Test
    void measuresTheKmSavedAgainstTheBaseline() {
        EfficiencyGain gain = new EfficiencyGain(200, 150, 40, 40);

        assertThat(gain.totalKmGain()).isCloseTo(0.25, within(1e-12));
        assertThat(gain.kmPerOrderGain()).isCloseTo(0.25, within(1e-12));
        assertThat(gain.comparable()).isTrue();
        assertThat(gain.baselineKmPerOrder()).isCloseTo(5.0, within(1e-12));
        assertThat(gain.optimisedKmPerOrder()).isCloseTo(3.75, within(1e-12));
    }

    @Test
    void isNotComparableWhenTheBaselineServesFewerOrders() {
        EfficiencyGain gain = new EfficiencyGain(100, 120, 20, 30);

        assertThat(gain.comparable()).isFalse();
        assertThat(gain.totalKmGain()).isNegative();
        assertThat(gain.totalKmDifference()).isCloseTo(20, within(1e-12));
        // 4 km per order against 5: the plan that drives more km is the better one per order
        assertThat(gain.kmPerOrderGain()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void isZeroNotNanWhenNothingIsDriven() {
        EfficiencyGain nothing = new EfficiencyGain(0, 0, 0, 0);

        assertThat(nothing.totalKmGain()).isZero();
        assertThat(nothing.kmPerOrderGain()).isZero();
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
