package dev.routeplan.planning.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * Ruin and recreate after SISR (Christiaens and Vanden Berghe, "Slack induction by string
 * removals", 2020): takes a few strings of neighbouring visits out of their routes, then puts the
 * visits back one by one where the score is best, skipping a candidate position now and then
 * ("blinks") so the same ruin can be recreated differently.
 *
 * <p>Why: late acceptance over moves of one visit or one stretch stalls on tight time windows,
 * where leaving a local optimum takes several moves each of which alone breaks a window.
 * Removing a dozen neighbouring visits at once and reinserting them reaches plans that many
 * moves away in one step; late acceptance then judges the result like any other move.
 *
 * <p>Positions are judged by the solver's own score, each tried on the working solution and
 * undone, so every hard rule (windows, capacity, driver hours, zones, no-entry hours) counts and
 * the move needs no model of the plan of its own. Removed visits wait in the unplanned bucket;
 * one that fits nowhere without breaking a hard rule stays there, as in the rest of the search.
 *
 * <p>The move keeps only a seed, not visits: OptaPlanner does a move twice (once to score it and
 * undo it, once as the step) and on clones of the solution (move threads), and from the same
 * plan and seed it always makes the same changes.
 */
final class RuinRecreateMove implements Move<DepotRoutingSolution> {

    static final double BLINK_RATE = 0.01;

    private final long seed;
    private final VisitNeighbours neighbours;
    private final RouteKinds kinds;
    private final Sizes sizes;

    /** How many visits a ruin removes on average, its longest string, and next to how many nearest visits one goes back. */
    record Sizes(int averageRemoved, int maxString, int insertionNeighbours) {
    }

    RuinRecreateMove(long seed, VisitNeighbours neighbours, RouteKinds kinds, Sizes sizes) {
        this.seed = seed;
        this.neighbours = neighbours;
        this.kinds = kinds;
        this.sizes = sizes;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<DepotRoutingSolution> scoreDirector) {
        return scoreDirector.getWorkingSolution().getRoutes().stream().anyMatch(VehicleRoute::isUsed);
    }

    @Override
    public Move<DepotRoutingSolution> doMove(ScoreDirector<DepotRoutingSolution> scoreDirector) {
        Random random = new Random(seed);
        DepotRoutingSolution solution = scoreDirector.getWorkingSolution();
        Visit[] byLocation = neighbours.byLocation(solution.getVisits());
        VehicleRoute bucket = solution.getRoutes().stream().filter(VehicleRoute::isUnplannedBucket).findFirst().orElseThrow();
        List<VisitShift> done = new ArrayList<>();
        List<Visit> removed = ruin(random, solution, byLocation, bucket, scoreDirector, done);
        recreate(random, removed, byLocation, solution.getRoutes(), bucket, scoreDirector, done);
        return new VisitShiftsUndo(done);
    }

    /**
     * SISR's ruin: strings of consecutive visits from routes near a random seed visit, one string per
     * route; with them, the visits in the unplanned bucket among the seed's neighbours walked.
     */
    private List<Visit> ruin(Random random, DepotRoutingSolution solution, Visit[] byLocation, VehicleRoute bucket,
                             ScoreDirector<DepotRoutingSolution> scoreDirector, List<VisitShift> done) {
        List<Visit> planned = solution.getVisits().stream().filter(Visit::isPlanned).toList();
        long used = solution.getRoutes().stream().filter(VehicleRoute::isUsed).count();
        List<Visit> removed = new ArrayList<>();
        if (planned.isEmpty()) {
            return removed;
        }
        double longestString = Math.min(sizes.maxString(), (double) planned.size() / used);
        double mostStrings = 4.0 * sizes.averageRemoved() / (1 + longestString) - 1;
        int strings = (int) (random.nextDouble() * mostStrings) + 1;
        Visit start = planned.get(random.nextInt(planned.size()));
        Set<VehicleRoute> ruined = new HashSet<>();
        int[] near = neighbours.of(start.locationIndex());
        List<Visit> leftOut = new ArrayList<>();
        for (int i = -1; i < near.length && ruined.size() < strings; i++) {
            Visit visit = i < 0 ? start : byLocation[near[i]];
            if (visit != null && visit.isInUnplannedBucket() && !removed.contains(visit)) {
                leftOut.add(visit);
            }
            if (visit == null || !visit.isPlanned() || ruined.contains(visit.getRoute())) {
                continue;
            }
            VehicleRoute route = visit.getRoute();
            List<Visit> list = route.getVisits();
            int length = 1 + random.nextInt((int) Math.min(list.size(), longestString));
            int first = Math.max(0, Math.min(visit.getIndex() - random.nextInt(length), list.size() - length));
            for (int k = 0; k < length; k++) {
                removed.add(list.get(first));
                shift(new VisitShift(route, first, bucket, bucket.getVisits().size()), scoreDirector, done);
            }
            ruined.add(route);
        }
        // orders left out near the ruin get a go at the room it made, as in SISR, where the recreate
        // inserts every absent customer; without this only the small moves bring them back
        removed.addAll(leftOut);
        return removed;
    }

    /**
     * Greedy reinsertion in one of SISR's orders, each visit at its best-scoring position next to a
     * near visit. Inserting a visit changes the cost by the extra distance (and the vehicle's fixed
     * cost on an empty route), which is cheap to work out, and the hard score only if a rule breaks.
     * So the positions are tried with the real score in order of extra cost, and the first that
     * scores better than leaving the visit out is the best one: most visits need a few trials
     * instead of one for each of twenty-odd positions.
     */
    private void recreate(Random random, List<Visit> removed, Visit[] byLocation, List<VehicleRoute> routes, VehicleRoute bucket,
                          ScoreDirector<DepotRoutingSolution> scoreDirector, List<VisitShift> done) {
        order(random, removed);
        @SuppressWarnings("unchecked")
        InnerScoreDirector<DepotRoutingSolution, BendableLongScore> scorer =
                (InnerScoreDirector<DepotRoutingSolution, BendableLongScore>) scoreDirector;
        for (Visit visit : removed) {
            BendableLongScore leftOut = scorer.calculateScore();
            int inBucket = visit.getIndex();
            List<Position> positions = positions(visit, byLocation, routes);
            positions.removeIf(position -> random.nextDouble() < BLINK_RATE || !position.mayFit(visit));
            positions.sort(Comparator.comparingDouble(position -> position.extraCost(visit)));
            for (Position position : positions) {
                VisitShift shift = new VisitShift(bucket, inBucket, position.route(), position.index());
                shift.apply(scoreDirector);
                if (scorer.calculateScore().compareTo(leftOut) > 0) {
                    done.add(shift);
                    break;
                }
                shift.reversed().apply(scoreDirector);
            }
        }
    }

    /** Where a removed visit may go back: before the visit at {@code index} of the route, or at its end. */
    record Position(VehicleRoute route, int index) {

        private Visit before() {
            return index == 0 ? null : route.getVisits().get(index - 1);
        }

        private Visit after() {
            return index == route.getVisits().size() ? null : route.getVisits().get(index);
        }

        /** What serving the visit here adds to the route's cost: the detour, and the fixed cost if the route was empty. */
        double extraCost(Visit visit) {
            TravelMatrix matrix = visit.matrix();
            int from = before() == null ? VehicleRoute.DEPOT : before().locationIndex();
            int to = after() == null ? VehicleRoute.DEPOT : after().locationIndex();
            double detourKm = matrix.km(from, visit.locationIndex()) + matrix.km(visit.locationIndex(), to) - matrix.km(from, to);
            return detourKm * route.vehicle().costPerKm() + (route.getVisits().isEmpty() ? route.vehicle().fixedCost() : 0);
        }

        /**
         * False when the visit surely breaks a rule here: the vehicle is too full, or even leaving the
         * stop before as early as it could (before any break) it is late for the visit, for the stop
         * after, or back at the depot after its shift. A cheap screen, so the real score is asked less
         * often; with hourly speeds a later start can now and then arrive earlier, and such a place is missed.
         */
        boolean mayFit(Visit visit) {
            if (route.weightExcessGrams(visit.weightGrams()) > 0 || route.volumeExcessLitres(visit.volumeLitres()) > 0) {
                return false;
            }
            Visit before = before();
            long leaving = before == null ? route.earliestDeparture() : before.serviceEnd();
            long arrival = leaving + (before == null ? route.secondsFromDepot(visit, leaving) : route.secondsBetween(before, visit, leaving));
            if (visit.windows().lateness(arrival) > 0) {
                return false;
            }
            long departure = visit.serviceStartFor(arrival) + visit.serviceSeconds();
            Visit after = after();
            if (after == null) {
                return departure + route.secondsToDepot(visit, departure) <= route.latestReturn();
            }
            return after.windows().lateness(departure + route.secondsBetween(visit, after, departure)) == 0;
        }
    }

    /** Before and after each of the visit's nearest planned visits, and the start of one empty route of each kind. */
    private List<Position> positions(Visit visit, Visit[] byLocation, List<VehicleRoute> routes) {
        Set<Position> positions = new java.util.LinkedHashSet<>();
        int[] near = neighbours.of(visit.locationIndex());
        for (int i = 0; i < Math.min(near.length, sizes.insertionNeighbours()); i++) {
            Visit other = byLocation[near[i]];
            if (other != null && other.isPlanned()) {
                int index = other.getIndex();
                positions.add(new Position(other.getRoute(), index));
                positions.add(new Position(other.getRoute(), index + 1));
            }
        }
        kinds.oneEmptyOfEachKind(routes).forEach(route -> positions.add(new Position(route, 0)));
        return new ArrayList<>(positions);
    }

    /** SISR's orders, weighted 4:4:2:1: random, heaviest first, farthest from the depot first, nearest first. */
    private static void order(Random random, List<Visit> visits) {
        int pick = random.nextInt(11);
        if (pick < 4) {
            java.util.Collections.shuffle(visits, random);
        } else if (pick < 8) {
            visits.sort(Comparator.comparingLong(Visit::weightGrams).reversed());
        } else {
            Comparator<Visit> fromDepot = Comparator.comparingDouble(v -> v.matrix().km(VehicleRoute.DEPOT, v.locationIndex()));
            visits.sort(pick < 10 ? fromDepot.reversed() : fromDepot);
        }
    }

    private static void shift(VisitShift shift, ScoreDirector<DepotRoutingSolution> scoreDirector, List<VisitShift> done) {
        shift.apply(scoreDirector);
        done.add(shift);
    }

    @Override
    public Move<DepotRoutingSolution> rebase(ScoreDirector<DepotRoutingSolution> destinationScoreDirector) {
        return new RuinRecreateMove(seed, neighbours, kinds, sizes);
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RuinRecreateMove";
    }

    @Override
    public Collection<? extends Object> getPlanningEntities() {
        return List.of();
    }

    @Override
    public Collection<? extends Object> getPlanningValues() {
        return List.of();
    }

    @Override
    public String toString() {
        return "ruin-recreate(" + seed + ")";
    }
}
