package dev.routeplan.planning.solver;

import java.util.Objects;
import org.optaplanner.core.api.domain.variable.VariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Keeps arrival times up to date when a visit moves: recomputes the moved visit and those after
 * it on the same route, and stops as soon as an arrival does not change.
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
            if (visit.getArrival() != null) {
                scoreDirector.beforeVariableChanged(visit, "arrival");
                visit.setArrival(null);
                scoreDirector.afterVariableChanged(visit, "arrival");
            }
            return;
        }
        Visit current = visit;
        Visit previous = visit.getPrevious();
        while (current != null) {
            long leaving = previous == null ? current.departureFromDepotFor(route) : previous.departure();
            Long arrival = leaving + (previous == null
                    ? route.secondsFromDepot(current, leaving)
                    : route.secondsBetween(previous, current, leaving));
            if (Objects.equals(arrival, current.getArrival())) {
                return;
            }
            scoreDirector.beforeVariableChanged(current, "arrival");
            current.setArrival(arrival);
            scoreDirector.afterVariableChanged(current, "arrival");
            previous = current;
            current = current.getNext();
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
