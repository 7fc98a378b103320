package dev.routeplan.planning.solver;

import java.util.Objects;
import org.optaplanner.core.api.domain.variable.VariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Keeps arrival times and the driver's breaks up to date when a visit moves: recomputes the route
 * it is on. A break (a rest at the premises after service) is taken where going on to the next
 * stop would run past the continuous-work limit.
 */
public class ArrivalTimeListener implements VariableListener<DepotRoutingSolution, Visit> {

    @Override
    public void beforeVariableChanged(ScoreDirector<DepotRoutingSolution> scoreDirector, Visit visit) {
        // nothing to do before the change
    }

    @Override
    public void afterVariableChanged(ScoreDirector<DepotRoutingSolution> scoreDirector, Visit visit) {
        VehicleRoute route = visit.getRoute();
        if (route == null || route.isUnplannedBucket()) {
            if (visit.getArrival() != null || visit.getRest() != null) {
                scoreDirector.beforeVariableChanged(visit, "arrival");
                scoreDirector.beforeVariableChanged(visit, "rest");
                visit.setArrival(null);
                visit.setRest(null);
                scoreDirector.afterVariableChanged(visit, "arrival");
                scoreDirector.afterVariableChanged(visit, "rest");
            }
            return;
        }
        // the whole route: a break at one stop depends on the leg to the next, so any change may move it
        recompute(route, (current, arrival, rest) -> update(scoreDirector, current, arrival, rest));
    }

    /** What the listener sets, handed to whoever applies it: the score director while solving, or a seed. */
    @FunctionalInterface
    interface Times {
        void set(Visit visit, long arrival, long rest);
    }

    static void recompute(VehicleRoute route, Times times) {
        DriverLimits limits = route.limits();
        long breakLength = Math.max(1, limits.breakSeconds());
        Visit previous = null;
        long block = 0;
        for (Visit current : route.getVisits()) {
            long leaving = previous == null ? current.departureFromDepotFor(route) : previous.departure();
            long arrival = leaving + (previous == null
                    ? route.secondsFromDepot(current, leaving)
                    : route.secondsBetween(previous, current, leaving));
            long serviceStart = current.serviceStartFor(arrival);
            long serviceEnd = serviceStart + current.serviceSeconds();
            block += arrival - leaving;
            block = serviceStart - arrival >= breakLength ? 0 : block + serviceStart - arrival;
            block += current.serviceSeconds();
            Visit next = current.getNext();
            long ahead = next == null ? route.secondsToDepot(current, serviceEnd)
                    : route.secondsBetween(current, next, serviceEnd) + next.serviceSeconds();
            long rest = limits.breaksPlanned() && block + ahead > limits.maxContinuousWorkSeconds() ? limits.breakSeconds() : 0;
            if (rest > 0) {
                block = 0;
            }
            times.set(current, arrival, rest);
            previous = current;
        }
    }

    private static void update(ScoreDirector<DepotRoutingSolution> scoreDirector, Visit visit, long arrival, long rest) {
        if (!Objects.equals(arrival, visit.getArrival()) || !Objects.equals(rest, visit.getRest())) {
            scoreDirector.beforeVariableChanged(visit, "arrival");
            scoreDirector.beforeVariableChanged(visit, "rest");
            visit.setArrival(arrival);
            visit.setRest(rest);
            scoreDirector.afterVariableChanged(visit, "arrival");
            scoreDirector.afterVariableChanged(visit, "rest");
        }
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<DepotRoutingSolution> scoreDirector, Visit visit) {
        // arrival is set once the visit is placed on a route
    }

    @Override
    public void afterEntityAdded(ScoreDirector<DepotRoutingSolution> scoreDirector, Visit visit) {
        afterVariableChanged(scoreDirector, visit);
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<DepotRoutingSolution> scoreDirector, Visit visit) {
        // nothing to undo
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<DepotRoutingSolution> scoreDirector, Visit visit) {
        // nothing to undo
    }
}
