package dev.routeplan.planning.baseline;

import dev.routeplan.planning.domain.DepotPlan;

/**
 * The optimised plan against the dispatcher's baseline. The headline is what compares whatever the
 * two plans serve: orders served and km per served order ({@link #kmPerOrderGain()}). Total km
 * ({@link #totalKmGain()}, {@link #totalKmDifference()}) compare fairly only when both serve the same
 * number of orders ({@link #comparable()}); a plan that serves more orders drives more km.
 */
public record EfficiencyGain(double baselineKm, double optimisedKm, int baselineServedOrders, int optimisedServedOrders) {

    public EfficiencyGain {
        if (!(baselineKm >= 0) || !(optimisedKm >= 0) || baselineServedOrders < 0 || optimisedServedOrders < 0) {
            throw new IllegalArgumentException("km must be numbers and km and served orders cannot be negative: " + baselineKm + " / " + optimisedKm
                    + " km, " + baselineServedOrders + " / " + optimisedServedOrders + " orders");
        }
    }

    public static EfficiencyGain of(DepotPlan baseline, DepotPlan optimised) {
        return new EfficiencyGain(baseline.distanceKm(), optimised.distanceKm(), servedOrders(baseline), servedOrders(optimised));
    }

    /** The two depots' (or nights') figures added up. */
    public EfficiencyGain plus(EfficiencyGain other) {
        return new EfficiencyGain(baselineKm + other.baselineKm, optimisedKm + other.optimisedKm,
                baselineServedOrders + other.baselineServedOrders, optimisedServedOrders + other.optimisedServedOrders);
    }

    /**
     * {@code 1 - optimised / baseline} km per served order: 0.2 means 20 % fewer km for each order
     * served; 0 when either plan serves no order.
     */
    public double kmPerOrderGain() {
        double baseline = baselineKmPerOrder();
        double optimised = optimisedKmPerOrder();
        return baseline == 0 || optimised == 0 ? 0 : 1 - optimised / baseline;
    }

    /**
     * {@code 1 - optimised / baseline} total km: 0.2 means 20 % fewer km; 0 when the baseline
     * drives no km at all. Secondary: it reads as a loss when the plan serves more orders.
     */
    public double totalKmGain() {
        return baselineKm == 0 ? 0 : 1 - optimisedKm / baselineKm;
    }

    /** Optimised minus baseline total km (positive: the plan drives more). */
    public double totalKmDifference() {
        return optimisedKm - baselineKm;
    }

    /** True when both plans serve the same number of orders, so their km measure the same work. */
    public boolean comparable() {
        return baselineServedOrders == optimisedServedOrders;
    }

    /** Baseline km per served order; 0 when it serves none. */
    public double baselineKmPerOrder() {
        return perOrder(baselineKm, baselineServedOrders);
    }

    /** Optimised km per served order; 0 when it serves none. */
    public double optimisedKmPerOrder() {
        return perOrder(optimisedKm, optimisedServedOrders);
    }

    private static double perOrder(double km, int orders) {
        return orders == 0 ? 0 : km / orders;
    }

    private static int servedOrders(DepotPlan plan) {
        return plan.routes().stream().mapToInt(route -> route.stops().size()).sum();
    }

    @Override
    public String toString() {
        return String.format("orders served %d (baseline %d), km per served order %.2f (baseline %.2f, %.1f %% fewer);"
                        + " total km %.1f (baseline %.1f, difference %+.1f)", optimisedServedOrders, baselineServedOrders,
                optimisedKmPerOrder(), baselineKmPerOrder(), kmPerOrderGain() * 100, optimisedKm, baselineKm, totalKmDifference());
    }
}
