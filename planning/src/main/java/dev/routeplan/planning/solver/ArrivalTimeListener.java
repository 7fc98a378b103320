package dev.routeplan.planning.solver;

import dev.routeplan.planning.problem.VehicleRules;
import java.util.List;
import java.util.Objects;
import org.optaplanner.core.api.domain.variable.ListVariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.domain.entity.descriptor.EntityDescriptor;
import org.optaplanner.core.impl.domain.variable.descriptor.VariableDescriptor;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * Keeps arrival times and the driver's breaks up to date when a route's list of visits changes.
 * A break (a rest at the premises after service) is taken where going on to the next stop would
 * run past the continuous-work limit.
 *
 * <p>Why incremental: a move changes a few neighbouring visits, but recomputing the whole route on
 * every change made the timeline most of the solver's time on long routes. Each visit remembers the
 * neighbours its times were computed with ({@link Visit#isTimedBetween}); the recomputation starts
 * at the first visit whose neighbours changed and stops after the last one, as soon as a visit's
 * arrival, break and continuous work come out as they were: everything after it is then unchanged too.
 * The listener finds the changed stretch itself instead of trusting the ranges OptaPlanner passes:
 * a move may report several changes to one route before the listener runs, and comparing each
 * visit's neighbours costs little next to retiming it.
 */
public class ArrivalTimeListener implements ListVariableListener<DepotRoutingSolution, VehicleRoute, Visit> {

    // looked up once: finding a variable by its name on every change took a tenth of the solver's time
    private VariableDescriptor<DepotRoutingSolution> arrivalVariable;
    private VariableDescriptor<DepotRoutingSolution> restVariable;

    @Override
    public void beforeListVariableChanged(ScoreDirector<DepotRoutingSolution> scoreDirector, VehicleRoute route, int from, int to) {
        // nothing to do before the change
    }

    @Override
    public void afterListVariableChanged(ScoreDirector<DepotRoutingSolution> scoreDirector, VehicleRoute route, int from, int to) {
        if (route.isUnplannedBucket()) {
            route.getVisits().forEach(visit -> unplace(scoreDirector, visit));
            return;
        }
        update(route, (visit, arrival, rest) -> set(scoreDirector, visit, arrival, rest));
    }

    @Override
    public void afterListVariableElementUnassigned(ScoreDirector<DepotRoutingSolution> scoreDirector, Visit visit) {
        unplace(scoreDirector, visit);
    }

    private void unplace(ScoreDirector<DepotRoutingSolution> scoreDirector, Visit visit) {
        visit.forgetTiming();
        if (visit.getArrival() != null || visit.getRest() != null) {
            set(scoreDirector, visit, null, null);
        }
    }

    /** What the listener sets, handed to whoever applies it: the score director while solving, or a seed. */
    @FunctionalInterface
    interface Times {
        void set(Visit visit, long arrival, long rest);
    }

    /** Times every visit of the route from scratch: for a seed or a trial route, which no listener has seen. */
    static void recompute(VehicleRoute route, Times times) {
        route.getVisits().forEach(Visit::forgetTiming);
        update(route, times);
    }

    /** Retimes the stretch of the route whose neighbours changed, and after it as far as the times change. */
    private static void update(VehicleRoute route, Times times) {
        List<Visit> visits = route.getVisits();
        int size = visits.size();
        int first = 0;
        while (first < size && timedInPlace(route, visits, first)) {
            first++;
        }
        if (first == size) {
            return;
        }
        int last = size - 1;
        while (timedInPlace(route, visits, last)) {
            last--;
        }
        VehicleRules rules = route.rules();
        Visit previous = first == 0 ? null : visits.get(first - 1);
        long block = previous == null ? rules.workAtDeparture() : previous.workBlock();
        for (int i = first; i < size; i++) {
            Visit current = visits.get(i);
            Visit next = i + 1 < size ? visits.get(i + 1) : null;
            long leaving = previous == null ? current.departureFromDepotFor(route) : previous.departure();
            long arrival = leaving + (previous == null
                    ? route.secondsFromDepot(current, leaving)
                    : route.secondsBetween(previous, current, leaving));
            long serviceStart = current.serviceStartFor(arrival);
            long serviceEnd = serviceStart + current.serviceSeconds();
            block = rules.workAfterService(block, leaving, arrival, serviceStart, current.serviceSeconds());
            // the work ahead without a break here: the drive on, the wait on the road for the window, the service
            long ahead = next == null ? route.secondsToDepot(current, serviceEnd)
                    : next.serviceStartFor(serviceEnd + route.secondsBetween(current, next, serviceEnd)) - serviceEnd
                    + next.serviceSeconds();
            long rest = rules.restAfterService(block, ahead);
            if (rest > 0) {
                block = 0;
            }
            if (i > last && current.hasTimes(arrival, rest, block)) {
                return;
            }
            times.set(current, arrival, rest);
            current.timedBetween(route, previous, next, leaving, block);
            previous = current;
        }
    }

    private static boolean timedInPlace(VehicleRoute route, List<Visit> visits, int index) {
        return visits.get(index).isTimedBetween(route, index == 0 ? null : visits.get(index - 1),
                index + 1 < visits.size() ? visits.get(index + 1) : null);
    }

    private void set(ScoreDirector<DepotRoutingSolution> scoreDirector, Visit visit, Long arrival, Long rest) {
        if (Objects.equals(arrival, visit.getArrival()) && Objects.equals(rest, visit.getRest())) {
            return;
        }
        @SuppressWarnings("unchecked")
        InnerScoreDirector<DepotRoutingSolution, ?> inner = (InnerScoreDirector<DepotRoutingSolution, ?>) scoreDirector;
        if (arrivalVariable == null) {
            EntityDescriptor<DepotRoutingSolution> visits = inner.getSolutionDescriptor().findEntityDescriptorOrFail(Visit.class);
            arrivalVariable = visits.getVariableDescriptor("arrival");
            restVariable = visits.getVariableDescriptor("rest");
        }
        inner.beforeVariableChanged(arrivalVariable, visit);
        inner.beforeVariableChanged(restVariable, visit);
        visit.setArrival(arrival);
        visit.setRest(rest);
        inner.afterVariableChanged(arrivalVariable, visit);
        inner.afterVariableChanged(restVariable, visit);
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<DepotRoutingSolution> scoreDirector, VehicleRoute route) {
        // a route's visits are timed when its list changes
    }

    @Override
    public void afterEntityAdded(ScoreDirector<DepotRoutingSolution> scoreDirector, VehicleRoute route) {
        // as above
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<DepotRoutingSolution> scoreDirector, VehicleRoute route) {
        // nothing to undo
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<DepotRoutingSolution> scoreDirector, VehicleRoute route) {
        // nothing to undo
    }
}
