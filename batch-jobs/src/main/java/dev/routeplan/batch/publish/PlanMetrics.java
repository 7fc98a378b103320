package dev.routeplan.batch.publish;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The plan's headline figures as gauges, per depot and for the whole run ({@code depot="all"}), so
 * that a dashboard can follow the optimiser's gain night after night:
 * {@code routeplan.plan.efficiency.gain} (0.2 = 20 % fewer km per served order than the hand plan),
 * {@code routeplan.plan.km} and {@code routeplan.plan.orders.served} for {@code plan="baseline"} and
 * {@code plan="optimised"}, and {@code routeplan.plan.orders.unassigned}. A gauge holds the last
 * published value, which is what a nightly figure means.
 */
public class PlanMetrics {

    private final MeterRegistry meters;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public PlanMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void record(RunSummary summary) {
        record("all", summary.efficiency(), summary.unassigned());
        summary.depots().forEach(depot -> record(depot.depotId(), depot.efficiency(), depot.unassigned()));
    }

    private void record(String depot, RunSummary.Efficiency efficiency, long unassigned) {
        set("routeplan.plan.orders.unassigned", Tags.of("depot", depot), unassigned);
        if (efficiency == null) {
            return;
        }
        set("routeplan.plan.efficiency.gain", Tags.of("depot", depot), efficiency.kmPerOrderGainPercent() / 100);
        set("routeplan.plan.km", Tags.of("depot", depot, "plan", "baseline"), efficiency.baselineKm());
        set("routeplan.plan.km", Tags.of("depot", depot, "plan", "optimised"), efficiency.optimisedKm());
        set("routeplan.plan.orders.served", Tags.of("depot", depot, "plan", "baseline"), efficiency.baselineOrders());
        set("routeplan.plan.orders.served", Tags.of("depot", depot, "plan", "optimised"), efficiency.optimisedOrders());
    }

    // a gauge reads a live object; one holder per name and tags keeps it registered once
    private void set(String name, Tags tags, double value) {
        AtomicLong holder = values.computeIfAbsent(name + tags, key -> {
            AtomicLong bits = new AtomicLong();
            Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get())).tags(tags).register(meters);
            return bits;
        });
        holder.set(Double.doubleToLongBits(value));
    }
}
