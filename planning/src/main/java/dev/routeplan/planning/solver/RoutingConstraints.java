package dev.routeplan.planning.solver;

import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/**
 * The rules a plan is scored by, most important first: hard ones make it illegal; then the number
 * of orders left out; then, among plans leaving out as many, their priorities; then the cost.
 * Counting orders before weighing priorities means a search started from the dispatcher's hand plan
 * never ends serving fewer orders than it did: with priorities alone, dropping three priority-5
 * orders to fit one priority-3 order scored better, and a 1,000-order depot lost 70 orders that way.
 */
public class RoutingConstraints implements ConstraintProvider {

    public static final String WEIGHT_CAPACITY = "Weight capacity";
    public static final String VOLUME_CAPACITY = "Volume capacity";
    public static final String TIME_WINDOW = "Service starts inside the window";
    public static final String SHIFT_END = "Back at the depot by shift end";
    public static final String NO_ENTRY = "No plying in no-entry hours";
    public static final String DRIVER_HOURS = "Route within the driver's hours";
    public static final String ZONE_NO_ENTRY = "No plying in restricted zones in their hours";
    public static final String DEPOT_HOURS = "Leave and return in depot hours";
    public static final String UNASSIGNED = "Unassigned order";
    public static final String UNASSIGNED_PRIORITY = "Priority of unassigned orders";
    public static final String ROUTE_COST = "Route cost";

    static final int HARD_LEVELS = 1;
    static final int SOFT_LEVELS = 3;
    /** The soft level that holds the cost in rupees; the two above it count and weigh the orders left out. */
    static final int COST_LEVEL = 2;
    private static final BendableLongScore ONE_HARD = BendableLongScore.ofHard(HARD_LEVELS, SOFT_LEVELS, 0, 1);
    private static final BendableLongScore ONE_UNASSIGNED = BendableLongScore.ofSoft(HARD_LEVELS, SOFT_LEVELS, 0, 1);
    private static final BendableLongScore ONE_PRIORITY = BendableLongScore.ofSoft(HARD_LEVELS, SOFT_LEVELS, 1, 1);
    private static final BendableLongScore ONE_COST = BendableLongScore.ofSoft(HARD_LEVELS, SOFT_LEVELS, COST_LEVEL, 1);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            // Hard
            weightCapacity(factory),
            volumeCapacity(factory),
            timeWindow(factory),
            shiftEnd(factory),
            noEntry(factory),
            driverHours(factory),
            zoneNoEntry(factory),
            depotHours(factory),
            // Orders left out, then their priorities
            unassignedOrder(factory),
            unassignedPriority(factory),
            // Cost
            routeCost(factory)
        };
    }

    Constraint weightCapacity(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.weightExcessGrams() > 0)
                .penalizeLong(ONE_HARD, VehicleRoute::weightExcessGrams)
                .asConstraint(WEIGHT_CAPACITY);
    }

    Constraint volumeCapacity(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.volumeExcessLitres() > 0)
                .penalizeLong(ONE_HARD, VehicleRoute::volumeExcessLitres)
                .asConstraint(VOLUME_CAPACITY);
    }

    Constraint timeWindow(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.isPlanned() && visit.lateness() > 0)
                .penalizeLong(ONE_HARD, Visit::lateness)
                .asConstraint(TIME_WINDOW);
    }

    Constraint shiftEnd(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.overtimeSeconds() > 0)
                .penalizeLong(ONE_HARD, VehicleRoute::overtimeSeconds)
                .asConstraint(SHIFT_END);
    }

    Constraint noEntry(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.noEntrySeconds() > 0)
                .penalizeLong(ONE_HARD, VehicleRoute::noEntrySeconds)
                .asConstraint(NO_ENTRY);
    }

    Constraint driverHours(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.dutyExcessSeconds() > 0)
                .penalizeLong(ONE_HARD, VehicleRoute::dutyExcessSeconds)
                .asConstraint(DRIVER_HOURS);
    }

    Constraint zoneNoEntry(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.zoneSeconds() > 0)
                .penalizeLong(ONE_HARD, VehicleRoute::zoneSeconds)
                .asConstraint(ZONE_NO_ENTRY);
    }

    Constraint depotHours(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.depotHoursBreaches() > 0)
                .penalizeLong(BendableLongScore.ofHard(HARD_LEVELS, SOFT_LEVELS, 0, 3600), route -> route.depotHoursBreaches())
                .asConstraint(DEPOT_HOURS);
    }

    Constraint unassignedOrder(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::isInUnplannedBucket)
                .penalize(ONE_UNASSIGNED)
                .asConstraint(UNASSIGNED);
    }

    /** Priority 1 weighs 16 times priority 5: among plans leaving out as many orders, dispatchers drop low-priority ones. */
    Constraint unassignedPriority(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::isInUnplannedBucket)
                .penalizeLong(ONE_PRIORITY, visit -> 1L << (5 - visit.order().priority()))
                .asConstraint(UNASSIGNED_PRIORITY);
    }

    Constraint routeCost(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(VehicleRoute::isUsed)
                .penalizeLong(ONE_COST, VehicleRoute::costPaise)
                .asConstraint(ROUTE_COST);
    }
}
