package dev.routeplan.batch.publish;

import java.util.List;
import java.util.Map;

/** What {@code summary.json} says about a run: the figures operations and planners look at first. */
public record RunSummary(
        String planDate,
        long attempt,
        String grapStage,
        String grapSource,
        RulePackStamp rulePack,
        Orders orders,
        Vehicles vehicles,
        double totalKm,
        Efficiency efficiency,
        long unassigned,
        Compliance compliance,
        Map<String, Map<String, Long>> checksByRule,
        List<DepotSummary> depots) {

    public record RulePackStamp(String id, String version, String sha256) {
    }

    public record Orders(long read, long accepted, long rejected) {
    }

    public record Vehicles(long total, long setAside, long used) {
    }

    public record Compliance(long routesPassed, long routesBlocked, long checksPassed, long checksFailed,
                             long checksExempt, long checksNotEvaluated) {
    }

    /**
     * The optimised plan against a dispatcher's hand plan (nearest neighbour, first vehicle that
     * fits). {@code comparable} is false when the two serve different numbers of orders: then
     * compare km per order.
     */
    public record Efficiency(double baselineKm, double optimisedKm, int baselineOrders, int optimisedOrders,
                             double gainPercent, boolean comparable, double baselineKmPerOrder, double optimisedKmPerOrder) {

        static Efficiency of(dev.routeplan.planning.baseline.EfficiencyGain e) {
            return new Efficiency(round(e.baselineKm()), round(e.optimisedKm()), e.baselineServedOrders(),
                    e.optimisedServedOrders(), round(100 * e.gain()), e.comparable(), round(e.baselineKmPerOrder()),
                    round(e.optimisedKmPerOrder()));
        }

        private static double round(double value) {
            return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : 0;
        }
    }

    public record DepotSummary(String depotId, String name, long vehiclesUsed, long stops, double km, long unassigned,
                               long routesBlocked, Efficiency efficiency, Map<String, Map<String, Long>> checksByRule) {
    }
}
