package dev.routeplan.planning.solver;

import dev.routeplan.planning.domain.ClockTime;
import dev.routeplan.planning.domain.DeliveryWindows;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.UnassignedReason;
import dev.routeplan.planning.solver.UnservableOrders.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * Says why an order the solver left in the unplanned bucket could not be placed, from the
 * solver's own constraint matches: the order is tried at every position of the routes nearest to
 * it and on a few unused vehicles, OptaPlanner scores each trial, and the hard constraint that
 * breaks the least-bad trial is named with figures a planner can act on ("vehicle DL1... would
 * carry 1,230 kg of 1,000").
 *
 * <p>Cheap by construction: it runs after the solve, for the leftovers only, and each trial is a
 * solution of one route, so its score is that route's alone.
 */
final class LeftoverReasons {

    /** Routes tried per leftover, nearest first; a far route would break the same rules, and worse. */
    static final int NEAREST_ROUTES = 3;
    /** Unused vehicles tried per leftover: an order alone on a vehicle is one trial each. */
    static final int UNUSED_VEHICLES = 2;
    /**
     * Leftovers analysed per depot, highest priority first. A trial costs about a millisecond (a
     * score director per trial), so this bounds the work at a second or two after the solve.
     */
    static final int MAX_ANALYSED = 40;

    private static final Map<String, UnassignedReason> REASON_OF_CONSTRAINT = Map.of(
            RoutingConstraints.WEIGHT_CAPACITY, UnassignedReason.CAPACITY,
            RoutingConstraints.VOLUME_CAPACITY, UnassignedReason.CAPACITY,
            RoutingConstraints.TIME_WINDOW, UnassignedReason.WINDOW,
            RoutingConstraints.SHIFT_END, UnassignedReason.SHIFT_END,
            RoutingConstraints.NO_ENTRY, UnassignedReason.NO_ENTRY,
            RoutingConstraints.ZONE_NO_ENTRY, UnassignedReason.NO_ENTRY,
            RoutingConstraints.DRIVER_HOURS, UnassignedReason.DRIVER_HOURS,
            RoutingConstraints.DEPOT_HOURS, UnassignedReason.DEPOT_HOURS);


    private final SolutionManager<DepotRoutingSolution, BendableLongScore> scoring;

    LeftoverReasons(SolverFactory<DepotRoutingSolution> solverFactory) {
        this.scoring = SolutionManager.create(solverFactory);
    }

    /** One placement of the leftover: the route with it, and what it added to each hard constraint. */
    private record Trial(VehicleRoute route, Visit placed, int position, long hard, long soft, Map<String, Long> hardAdded) {

        boolean betterThan(Trial other) {
            return hard != other.hard ? hard > other.hard : soft > other.soft;
        }
    }

    private record Scored(BendableLongScore score, Map<String, Long> hardByConstraint) {
    }

    /** A reason for each leftover, in the given order; beyond {@link #MAX_ANALYSED}, the lower priorities get a general one. */
    List<Reason> reasonsFor(List<Visit> leftovers, List<VehicleRoute> routes) {
        List<Visit> byPriority = leftovers.stream()
                .sorted(Comparator.comparingInt((Visit v) -> v.order().priority()).thenComparing(Visit::getId)).toList();
        Map<Visit, Reason> reasons = new HashMap<>();
        for (int i = 0; i < byPriority.size(); i++) {
            reasons.put(byPriority.get(i), i < MAX_ANALYSED ? reasonFor(byPriority.get(i), routes)
                    : new Reason(UnassignedReason.FLEET_FULL, "no vehicle had capacity or hours left for it (not analysed: "
                            + leftovers.size() + " orders left out, the first " + MAX_ANALYSED + " by priority were)"));
        }
        return leftovers.stream().map(reasons::get).toList();
    }

    Reason reasonFor(Visit leftover, List<VehicleRoute> routes) {
        Trial best = null;
        Trial earliest = null;
        for (VehicleRoute route : candidates(leftover, routes)) {
            Scored without = score(route.withVisits(unplacedCopies(route.getVisits())));
            for (int position = 0; position <= route.getVisits().size(); position++) {
                List<Visit> visits = unplacedCopies(route.getVisits());
                Visit placed = leftover.unplacedCopy();
                visits.add(position, placed);
                VehicleRoute trialRoute = route.withVisits(visits);
                Scored with = score(trialRoute);
                Map<String, Long> added = new HashMap<>();
                with.hardByConstraint().forEach((name, hard) -> added.put(name, hard - without.hardByConstraint().getOrDefault(name, 0L)));
                Trial trial = new Trial(trialRoute, placed, position,
                        with.score().hardScore(0) - without.score().hardScore(0),
                        with.score().softScore(RoutingConstraints.COST_LEVEL) - without.score().softScore(RoutingConstraints.COST_LEVEL), added);
                if (best == null || trial.betterThan(best)) {
                    best = trial;
                }
                if (placed.lateness() > 0 && (earliest == null || placed.getArrival() < earliest.placed().getArrival())) {
                    earliest = trial;
                }
            }
        }
        if (best == null) {
            return new Reason(UnassignedReason.FLEET_FULL, "no vehicle had capacity or hours left for it");
        }
        return describe(best, earliest);
    }

    /** The used routes nearest to the order (by its distance to their nearest stop), then a few unused vehicles. */
    private static List<VehicleRoute> candidates(Visit leftover, List<VehicleRoute> routes) {
        TravelMatrix matrix = leftover.matrix();
        Stream<VehicleRoute> used = routes.stream().filter(VehicleRoute::isUsed)
                .sorted(Comparator.comparingDouble(route -> route.getVisits().stream()
                        .mapToDouble(visit -> matrix.km(visit.locationIndex(), leftover.locationIndex())).min().orElse(0)))
                .limit(NEAREST_ROUTES);
        Stream<VehicleRoute> unused = routes.stream()
                .filter(route -> !route.isUnplannedBucket() && !route.isUsed()).limit(UNUSED_VEHICLES);
        return Stream.concat(used, unused).toList();
    }

    private static List<Visit> unplacedCopies(List<Visit> visits) {
        List<Visit> copies = new ArrayList<>(visits.size() + 1);
        visits.forEach(visit -> copies.add(visit.unplacedCopy()));
        return copies;
    }

    private Scored score(VehicleRoute trialRoute) {
        if (trialRoute.getVisits().isEmpty()) {
            // an unused vehicle costs and breaks nothing; OptaPlanner refuses a solution without visits
            return new Scored(BendableLongScore.zero(RoutingConstraints.HARD_LEVELS, RoutingConstraints.SOFT_LEVELS), Map.of());
        }
        DepotRoutingSolution trial = new DepotRoutingSolution(new ArrayList<>(List.of(trialRoute)),
                new ArrayList<>(trialRoute.getVisits()));
        ScoreExplanation<DepotRoutingSolution, BendableLongScore> explanation = scoring.explain(trial);
        Map<String, Long> hardByConstraint = new HashMap<>();
        for (ConstraintMatchTotal<BendableLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            if (total.getScore().hardScore(0) != 0) {
                hardByConstraint.merge(total.getConstraintName(), total.getScore().hardScore(0), Long::sum);
            }
        }
        return new Scored(explanation.getScore(), hardByConstraint);
    }

    /** Names the constraint that takes the most of the best trial's hard penalty, as the solver weighs them. */
    private static Reason describe(Trial best, Trial earliest) {
        String broken = best.hardAdded().entrySet().stream()
                .filter(e -> e.getValue() < 0)
                .min(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
        VehicleRoute route = best.route();
        String vehicle = route.vehicle().id();
        if (broken == null) {
            return new Reason(UnassignedReason.NOT_PLACED_IN_TIME, "it fits on " + vehicle + " as stop " + (best.position() + 1)
                    + " without breaking a rule, but the search ended before placing it; a longer solver time may place it");
        }
        UnassignedReason reason = REASON_OF_CONSTRAINT.getOrDefault(broken, UnassignedReason.FLEET_FULL);
        return new Reason(reason, switch (broken) {
            case RoutingConstraints.WEIGHT_CAPACITY -> String.format(Locale.ROOT, "vehicle %s would carry %,.0f kg of %,.0f",
                    vehicle, route.getVisits().stream().mapToDouble(v -> v.order().weightKg()).sum(), route.vehicle().capacityKg());
            case RoutingConstraints.VOLUME_CAPACITY -> String.format(Locale.ROOT, "vehicle %s would carry %,.1f m3 of %,.1f",
                    vehicle, route.getVisits().stream().mapToDouble(v -> v.order().volumeM3()).sum(), route.vehicle().capacityM3());
            case RoutingConstraints.TIME_WINDOW -> windowDetail(best, earliest);
            case RoutingConstraints.SHIFT_END -> "vehicle " + vehicle + " would be back at " + time(route.returnToDepot())
                    + ", after its shift ends " + time(route.latestReturn());
            case RoutingConstraints.NO_ENTRY -> "vehicle " + vehicle + " would be on the road in no-entry hours ("
                    + String.join(", ", route.noEntryRulesBroken()) + ") for " + minutes(route.noEntrySeconds()) + " min";
            case RoutingConstraints.ZONE_NO_ENTRY -> "vehicle " + vehicle + " would ply in a restricted zone while it is closed for "
                    + minutes(route.zoneSeconds()) + " min";
            case RoutingConstraints.DRIVER_HOURS -> "the driver of " + vehicle + " would exceed the driver-hours limits by "
                    + minutes(route.dutyExcessSeconds()) + " min";
            case RoutingConstraints.DEPOT_HOURS -> "vehicle " + vehicle + " would leave at " + time(route.departureFromDepot())
                    + " and return at " + time(route.returnToDepot()) + ", outside the depot's hours " + route.depotHours();
            default -> "it would break \"" + broken + "\" on " + vehicle;
        });
    }

    /** The order itself late: its earliest late arrival over every trial; else the stop it would make late. */
    private static String windowDetail(Trial best, Trial earliest) {
        Visit placed = best.placed();
        Visit latest = best.route().getVisits().stream().max(Comparator.comparingLong(Visit::lateness)).orElseThrow();
        if (earliest != null && (latest == placed || latest.lateness() == placed.lateness())) {
            Visit first = earliest.placed();
            return "earliest arrival " + time(first.getArrival()) + " (" + earliest.route().vehicle().id() + ") after "
                    + closing(first.windows());
        }
        return "on " + best.route().vehicle().id() + " it would make " + latest.getId() + " arrive " + time(latest.getArrival())
                + ", after " + closing(latest.windows());
    }

    private static String closing(DeliveryWindows windows) {
        TimeWindow last = windows.last();
        return windows.hasTwo() ? "both windows (" + windows + ") have closed" : "the window ends " + time(last.endSeconds());
    }

    private static String time(long seconds) {
        return ClockTime.format(seconds);
    }

    private static long minutes(long seconds) {
        return (seconds + 59) / 60;
    }
}
