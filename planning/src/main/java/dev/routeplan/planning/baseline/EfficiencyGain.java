package dev.routeplan.planning.baseline;

import dev.routeplan.planning.domain.DepotPlan;

/**
 * How many km the optimised plan saves against the dispatcher's baseline. The km compare fairly
 * only when both plans serve the same number of orders ({@link #comparable()}); otherwise read the
 * km per served order as well.
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

    /** {@code 1 - optimised / baseline}: 0.2 means 20 % fewer km; 0 when the baseline drives no km at all. */
    public double gain() {
        return baselineKm == 0 ? 0 : 1 - optimisedKm / baselineKm;
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
        return String.format("baseline %.1f km for %d orders (%.2f km/order), optimised %.1f km for %d orders"
                        + " (%.2f km/order), gain %.1f %%%s", baselineKm, baselineServedOrders, baselineKmPerOrder(),
                optimisedKm, optimisedServedOrders, optimisedKmPerOrder(), gain() * 100, comparable() ? "" : " (not comparable)");
    }
}
