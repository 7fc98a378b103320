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
     * fits). The headline is orders served, cost and km per served order, which compare whatever
     * each plan serves: {@code costPerOrderGainPercent} is 20 for each order served costing 20 %
     * less (cost: each vehicle used, its fixed cost plus its km at its rate, in rupees, what the
     * solver minimises), {@code kmPerOrderGainPercent} 20 for 20 % fewer km per order. The cost
     * figures are null for a hand plan stored before its cost was. Total km and their difference
     * are secondary: they compare only when {@code comparable} (both plans serve the same number of
     * orders).
     */
    public record Efficiency(int baselineOrders, int optimisedOrders, Double baselineCostPerOrder,
                             Double optimisedCostPerOrder, Double costPerOrderGainPercent, double baselineKmPerOrder,
                             double optimisedKmPerOrder, double kmPerOrderGainPercent, double baselineKm, double optimisedKm,
                             double totalKmDifference, boolean comparable) {

        static Efficiency of(dev.routeplan.planning.baseline.EfficiencyGain e) {
            boolean costed = e.costRecorded();
            return new Efficiency(e.baselineServedOrders(), e.optimisedServedOrders(),
                    costed ? round(e.baselineCostPerOrder()) : null, costed ? round(e.optimisedCostPerOrder()) : null,
                    costed ? round(100 * e.costPerOrderGain()) : null, round(e.baselineKmPerOrder()),
                    round(e.optimisedKmPerOrder()), round(100 * e.kmPerOrderGain()), round(e.baselineKm()),
                    round(e.optimisedKm()), round(e.totalKmDifference()), e.comparable());
        }

        private static double round(double value) {
            return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : 0;
        }
    }

    /** @param unassignedByReason the unassigned orders by {@code UnassignedReason} name; reasons with none left out */
    public record DepotSummary(String depotId, String name, long vehiclesUsed, long stops, double km, long unassigned,
                               Map<String, Long> unassignedByReason, long routesBlocked, Efficiency efficiency,
                               Map<String, Map<String, Long>> checksByRule) {
    }
}
