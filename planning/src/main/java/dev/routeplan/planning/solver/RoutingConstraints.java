package dev.routeplan.planning.solver;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

/** The rules a plan is scored by: hard ones make it illegal, medium ones leave orders out, soft ones cost money. */
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
    public static final String ROUTE_COST = "Route cost";

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
            // Medium
            unassignedOrder(factory),
            // Soft
            routeCost(factory)
        };
    }

    Constraint weightCapacity(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.weightExcessGrams() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleRoute::weightExcessGrams)
                .asConstraint(WEIGHT_CAPACITY);
    }

    Constraint volumeCapacity(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.volumeExcessLitres() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleRoute::volumeExcessLitres)
                .asConstraint(VOLUME_CAPACITY);
    }

    Constraint timeWindow(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.isPlanned() && visit.lateness() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, Visit::lateness)
                .asConstraint(TIME_WINDOW);
    }

    Constraint shiftEnd(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.overtimeSeconds() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleRoute::overtimeSeconds)
                .asConstraint(SHIFT_END);
    }

    Constraint noEntry(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.noEntrySeconds() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleRoute::noEntrySeconds)
                .asConstraint(NO_ENTRY);
    }

    Constraint driverHours(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.dutyExcessSeconds() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleRoute::dutyExcessSeconds)
                .asConstraint(DRIVER_HOURS);
    }

    Constraint zoneNoEntry(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.zoneSeconds() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleRoute::zoneSeconds)
                .asConstraint(ZONE_NO_ENTRY);
    }

    Constraint depotHours(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(route -> route.isUsed() && route.depotHoursBreaches() > 0)
                .penalizeLong(HardMediumSoftLongScore.ofHard(3600), route -> route.depotHoursBreaches())
                .asConstraint(DEPOT_HOURS);
    }

    /** Priority 1 weighs 16 times priority 5: dispatchers drop low-priority orders first. */
    Constraint unassignedOrder(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.getRoute() != null && visit.getRoute().isUnplannedBucket())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, visit -> 1L << (5 - visit.order().priority()))
                .asConstraint(UNASSIGNED);
    }

    Constraint routeCost(ConstraintFactory factory) {
        return factory.forEach(VehicleRoute.class)
                .filter(VehicleRoute::isUsed)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, VehicleRoute::costPaise)
                .asConstraint(ROUTE_COST);
    }
}
