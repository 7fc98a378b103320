package dev.routeplan.batch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.baseline.EfficiencyGain;
import org.junit.jupiter.api.Test;

/** The efficiency figures of {@code summary.json}, from the two plans' totals. */
class RunSummaryEfficiencyTests {

    @Test
    void givesCostAndKmPerServedOrderOfBothPlansRoundedToThePaisa() {
        // the demo's shape: the plan serves 300 orders for INR 243,720 on 630 km, the hand plan 180 for INR 178,200 on 450 km
        RunSummary.Efficiency efficiency = RunSummary.Efficiency.of(new EfficiencyGain(450, 630, 180, 300, 178_200, 243_720));

        assertThat(efficiency.optimisedOrders()).isEqualTo(300);
        assertThat(efficiency.baselineOrders()).isEqualTo(180);
        assertThat(efficiency.optimisedCostPerOrder()).isEqualTo(812.4);
        assertThat(efficiency.baselineCostPerOrder()).isEqualTo(990.0);
        assertThat(efficiency.costPerOrderGainPercent()).isEqualTo(17.94);
        assertThat(efficiency.optimisedKmPerOrder()).isEqualTo(2.1);
        assertThat(efficiency.baselineKmPerOrder()).isEqualTo(2.5);
        assertThat(efficiency.kmPerOrderGainPercent()).isEqualTo(16.0);
        assertThat(efficiency.totalKmDifference()).isEqualTo(180.0);
        assertThat(efficiency.comparable()).isFalse();
    }

    @Test
    void leavesTheCostFiguresOutWhenTheHandPlansCostWasNotRecorded() {
        RunSummary.Efficiency efficiency = RunSummary.Efficiency.of(
                new EfficiencyGain(500, 400, 200, 200, EfficiencyGain.NOT_RECORDED, 90_000));

        assertThat(efficiency.baselineCostPerOrder()).isNull();
        assertThat(efficiency.optimisedCostPerOrder()).isNull();
        assertThat(efficiency.costPerOrderGainPercent()).isNull();
        assertThat(efficiency.kmPerOrderGainPercent()).isEqualTo(20.0);
    }
}
