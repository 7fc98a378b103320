package dev.routeplan.planning.baseline;

import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.problem.DepotProblem;

/**
 * The optimised plan against the dispatcher's baseline. The headline is what compares whatever the
 * two plans serve: orders served, cost per served order ({@link #costPerOrderGain()}) and km per
 * served order ({@link #kmPerOrderGain()}). Total km ({@link #totalKmGain()},
 * {@link #totalKmDifference()}) compare fairly only when both serve the same number of orders
 * ({@link #comparable()}); a plan that serves more orders drives more km.
 *
 * @param baselineCost  the hand plan's running cost ({@link DepotPlan#runningCost}, what the solver's
 *                      score minimises), in rupees; NaN when it was not recorded (plans stored before
 *                      it was), and then every cost figure is NaN too ({@link #costRecorded()})
 * @param optimisedCost the optimised plan's, alike
 */
public record EfficiencyGain(double baselineKm, double optimisedKm, int baselineServedOrders, int optimisedServedOrders,
                             double baselineCost, double optimisedCost) {

    /** A cost that was not recorded. */
    public static final double NOT_RECORDED = Double.NaN;

    public EfficiencyGain {
        if (!(baselineKm >= 0) || !(optimisedKm >= 0) || baselineServedOrders < 0 || optimisedServedOrders < 0
                || !costOrNotRecorded(baselineCost) || !costOrNotRecorded(optimisedCost)) {
            throw new IllegalArgumentException("km must be numbers and km, served orders and costs cannot be negative: "
                    + baselineKm + " / " + optimisedKm + " km, " + baselineServedOrders + " / " + optimisedServedOrders
                    + " orders, cost " + baselineCost + " / " + optimisedCost);
        }
    }

    /** Both plans of one depot's problem, each costed at the problem's vehicles. */
    public static EfficiencyGain of(DepotProblem problem, DepotPlan baseline, DepotPlan optimised) {
        var vehicles = problem.vehiclesById();
        return new EfficiencyGain(baseline.distanceKm(), optimised.distanceKm(), servedOrders(baseline), servedOrders(optimised),
                baseline.runningCost(vehicles), optimised.runningCost(vehicles));
    }

    /** The two depots' (or nights') figures added up; a cost not recorded in either is not recorded in the sum. */
    public EfficiencyGain plus(EfficiencyGain other) {
        return new EfficiencyGain(baselineKm + other.baselineKm, optimisedKm + other.optimisedKm,
                baselineServedOrders + other.baselineServedOrders, optimisedServedOrders + other.optimisedServedOrders,
                baselineCost + other.baselineCost, optimisedCost + other.optimisedCost);
    }

    /** True when both plans' costs are known. */
    public boolean costRecorded() {
        return !Double.isNaN(baselineCost) && !Double.isNaN(optimisedCost);
    }

    /**
     * {@code 1 - optimised / baseline} cost per served order: 0.2 means each order served costs 20 %
     * less; 0 when either plan serves no order, NaN when the costs were not recorded.
     */
    public double costPerOrderGain() {
        return gain(baselineCostPerOrder(), optimisedCostPerOrder());
    }

    /** Baseline cost per served order, in rupees; 0 when it serves none, NaN when not recorded. */
    public double baselineCostPerOrder() {
        return perOrder(baselineCost, baselineServedOrders);
    }

    /** Optimised cost per served order, in rupees; 0 when it serves none, NaN when not recorded. */
    public double optimisedCostPerOrder() {
        return perOrder(optimisedCost, optimisedServedOrders);
    }

    /**
     * {@code 1 - optimised / baseline} km per served order: 0.2 means 20 % fewer km for each order
     * served; 0 when either plan serves no order.
     */
    public double kmPerOrderGain() {
        return gain(baselineKmPerOrder(), optimisedKmPerOrder());
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

    private static double gain(double baseline, double optimised) {
        if (Double.isNaN(baseline) || Double.isNaN(optimised)) {
            return Double.NaN;
        }
        return baseline == 0 || optimised == 0 ? 0 : 1 - optimised / baseline;
    }

    private static double perOrder(double amount, int orders) {
        return orders == 0 && !Double.isNaN(amount) ? 0 : amount / orders;
    }

    private static boolean costOrNotRecorded(double cost) {
        return Double.isNaN(cost) || cost >= 0 && cost < Double.POSITIVE_INFINITY;
    }

    private static int servedOrders(DepotPlan plan) {
        return plan.routes().stream().mapToInt(route -> route.stops().size()).sum();
    }

    @Override
    public String toString() {
        return String.format("orders served %d (baseline %d), cost per served order %.2f (baseline %.2f, %.1f %% less),"
                        + " km per served order %.2f (baseline %.2f, %.1f %% fewer);"
                        + " total km %.1f (baseline %.1f, difference %+.1f)", optimisedServedOrders, baselineServedOrders,
                optimisedCostPerOrder(), baselineCostPerOrder(), costPerOrderGain() * 100,
                optimisedKmPerOrder(), baselineKmPerOrder(), kmPerOrderGain() * 100, optimisedKm, baselineKm, totalKmDifference());
    }
}
