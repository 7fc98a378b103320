package dev.routeplan.batch.publish;

import dev.routeplan.batch.job.RunMetrics;
import dev.routeplan.planning.compliance.verify.Verdict;
import dev.routeplan.planning.domain.UnassignedReason;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The published plan's nightly figures as gauges, per depot and for the whole run
 * ({@code depot="all"}), so that a dashboard can follow them night after night. A gauge holds the
 * last published value, which is what a nightly figure means.
 * <ul>
 * <li>{@code routeplan.orders} by {@code outcome} (read, accepted, rejected), for the run;</li>
 * <li>{@code routeplan.plan.efficiency.gain}: 0.2 = 20 % fewer km per served order than the hand plan;</li>
 * <li>{@code routeplan.plan.km} and {@code routeplan.plan.orders.served} for {@code plan="baseline"} and
 * {@code plan="optimised"}; {@code routeplan.plan.vehicles.used};</li>
 * <li>{@code routeplan.plan.orders.unassigned}, and {@code routeplan.plan.orders.unassigned.by.reason} by
 * {@code reason};</li>
 * <li>{@code routeplan.compliance.checks} by {@code verdict}, {@code routeplan.compliance.routes.blocked}.</li>
 * </ul>
 * Every reason and verdict is set, to 0 when the run has none, so a figure of an earlier night
 * never stays behind.
 */
public class PlanMetrics {

    private final MeterRegistry meters;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public PlanMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void record(RunSummary summary) {
        if (summary.orders() != null) {
            set("routeplan.orders", Tags.of("outcome", "read"), summary.orders().read());
            set("routeplan.orders", Tags.of("outcome", "accepted"), summary.orders().accepted());
            set("routeplan.orders", Tags.of("outcome", "rejected"), summary.orders().rejected());
        }
        String all = RunMetrics.ALL_DEPOTS;
        record(all, summary.efficiency(), summary.totalKm(), summary.unassigned());
        if (summary.vehicles() != null) {
            set("routeplan.plan.vehicles.used", Tags.of("depot", all), summary.vehicles().used());
        }
        if (summary.compliance() != null) {
            set("routeplan.compliance.routes.blocked", Tags.of("depot", all), summary.compliance().routesBlocked());
        }
        checks(all, summary.checksByRule());
        Map<String, Long> reasons = new ConcurrentHashMap<>();
        for (RunSummary.DepotSummary depot : summary.depots()) {
            record(depot.depotId(), depot.efficiency(), depot.km(), depot.unassigned());
            set("routeplan.plan.vehicles.used", Tags.of("depot", depot.depotId()), depot.vehiclesUsed());
            set("routeplan.compliance.routes.blocked", Tags.of("depot", depot.depotId()), depot.routesBlocked());
            checks(depot.depotId(), depot.checksByRule());
            unassignedByReason(depot.depotId(), depot.unassignedByReason());
            depot.unassignedByReason().forEach((reason, count) -> reasons.merge(reason, count, Long::sum));
        }
        unassignedByReason(all, reasons);
    }

    /** @param publishedKm the km of the published routes, the optimised figure when there is no baseline to set beside it */
    private void record(String depot, RunSummary.Efficiency efficiency, double publishedKm, long unassigned) {
        set("routeplan.plan.orders.unassigned", Tags.of("depot", depot), unassigned);
        if (efficiency == null) {
            set("routeplan.plan.km", Tags.of("depot", depot, "plan", "optimised"), publishedKm);
            return;
        }
        set("routeplan.plan.efficiency.gain", Tags.of("depot", depot), efficiency.kmPerOrderGainPercent() / 100);
        // both plans' km as the comparison counts them: every planned route, blocked ones too
        set("routeplan.plan.km", Tags.of("depot", depot, "plan", "baseline"), efficiency.baselineKm());
        set("routeplan.plan.km", Tags.of("depot", depot, "plan", "optimised"), efficiency.optimisedKm());
        set("routeplan.plan.orders.served", Tags.of("depot", depot, "plan", "baseline"), efficiency.baselineOrders());
        set("routeplan.plan.orders.served", Tags.of("depot", depot, "plan", "optimised"), efficiency.optimisedOrders());
    }

    private void unassignedByReason(String depot, Map<String, Long> counts) {
        for (UnassignedReason reason : UnassignedReason.values()) {
            set("routeplan.plan.orders.unassigned.by.reason", Tags.of("depot", depot, "reason", reason.name()),
                    counts.getOrDefault(reason.name(), 0L));
        }
    }

    private void checks(String depot, Map<String, Map<String, Long>> byRule) {
        Map<String, Long> byVerdict = new ConcurrentHashMap<>();
        byRule.values().forEach(verdicts -> verdicts.forEach((verdict, count) -> byVerdict.merge(verdict, count, Long::sum)));
        for (Verdict verdict : Verdict.values()) {
            set("routeplan.compliance.checks", Tags.of("depot", depot, "verdict", verdict.name()),
                    byVerdict.getOrDefault(verdict.name(), 0L));
        }
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
