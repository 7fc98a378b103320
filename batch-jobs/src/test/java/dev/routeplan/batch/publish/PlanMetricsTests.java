package dev.routeplan.batch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanMetricsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PlanMetrics metrics = new PlanMetrics(meters);

    @Test
    void publishesTheEfficiencyGainPerDepotAndForTheRun() {
        metrics.record(summary(efficiency(100, 75, 0.25), efficiency(200, 160, 0.20), efficiency(300, 235, 0.2167)));

        assertThat(gauge("routeplan.plan.efficiency.gain", "D1")).isEqualTo(0.25);
        assertThat(gauge("routeplan.plan.efficiency.gain", "D2")).isEqualTo(0.20);
        assertThat(gauge("routeplan.plan.efficiency.gain", "all")).isEqualTo(0.2167);
        assertThat(meters.get("routeplan.plan.km").tags("depot", "D2", "plan", "baseline").gauge().value()).isEqualTo(200);
        assertThat(meters.get("routeplan.plan.km").tags("depot", "D2", "plan", "optimised").gauge().value()).isEqualTo(160);
        assertThat(meters.get("routeplan.plan.orders.unassigned").tags("depot", "D1").gauge().value()).isEqualTo(3);
    }

    @Test
    void aRerunReplacesTheFiguresInsteadOfRegisteringNewGauges() {
        metrics.record(summary(efficiency(100, 75, 0.25), efficiency(200, 160, 0.20), efficiency(300, 235, 0.2167)));
        int registered = meters.getMeters().size();

        metrics.record(summary(efficiency(100, 90, 0.10), efficiency(200, 160, 0.20), efficiency(300, 250, 0.1667)));

        assertThat(gauge("routeplan.plan.efficiency.gain", "D1")).isEqualTo(0.10);
        assertThat(meters.getMeters()).hasSize(registered);
    }

    @Test
    void countsUnassignedOrdersByReasonAndSetsTheReasonsARunHasNoneOfToZero() {
        metrics.record(summary(efficiency(100, 75, 0.25), efficiency(200, 160, 0.20), efficiency(300, 235, 0.2167)));

        assertThat(reason("D1", "WINDOW")).isEqualTo(2);
        assertThat(reason("D1", "CAPACITY")).isEqualTo(1);
        assertThat(reason("all", "WINDOW")).isEqualTo(2);
        assertThat(reason("D2", "WINDOW")).isZero();
        assertThat(reason("D1", "DRIVER_HOURS")).isZero();
    }

    private double reason(String depot, String reason) {
        return meters.get("routeplan.plan.orders.unassigned.by.reason").tags("depot", depot, "reason", reason).gauge().value();
    }

    private double gauge(String name, String depot) {
        return meters.get(name).tags("depot", depot).gauge().value();
    }

    private static RunSummary.Efficiency efficiency(double baselineKm, double optimisedKm, double gain) {
        return new RunSummary.Efficiency(10, 10, null, null, null, baselineKm / 10, optimisedKm / 10, gain * 100, baselineKm,
                optimisedKm, optimisedKm - baselineKm, true);
    }

    private static RunSummary summary(RunSummary.Efficiency d1, RunSummary.Efficiency d2, RunSummary.Efficiency all) {
        return new RunSummary("2026-11-27", 1, "none", "config", null, null, null, 0, all, 3, null, Map.of(), List.of(
                new RunSummary.DepotSummary("D1", "Okhla", 2, 10, 100, 3, Map.of("WINDOW", 2L, "CAPACITY", 1L), 0, d1, Map.of()),
                new RunSummary.DepotSummary("D2", "Narela", 2, 10, 200, 0, Map.of(), 0, d2, Map.of())));
    }
}
