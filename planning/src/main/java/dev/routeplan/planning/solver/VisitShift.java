package dev.routeplan.planning.solver;

import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * One visit taken from a position in a route and put at a position in another (or the same)
 * route, the smallest change the ruin-and-recreate move is made of. It tells the score director
 * exactly what OptaPlanner's own list change move tells it: the changed range of each list,
 * before and after, so the list's shadow variables and the incremental score follow.
 * {@code toIndex} is the index in the destination list after the visit has left its source.
 * Each shift triggers the variable listeners at once, as each of OptaPlanner's moves does: the
 * list shadows' notifications carry indexes, which a further shift would make stale.
 */
record VisitShift(VehicleRoute from, int fromIndex, VehicleRoute to, int toIndex) {

    static final String VISITS = "visits";

    void apply(ScoreDirector<DepotRoutingSolution> scoreDirector) {
        if (from == to) {
            int first = Math.min(fromIndex, toIndex);
            int afterLast = Math.max(fromIndex, toIndex) + 1;
            scoreDirector.beforeListVariableChanged(from, VISITS, first, afterLast);
            Visit visit = from.getVisits().remove(fromIndex);
            from.getVisits().add(toIndex, visit);
            scoreDirector.afterListVariableChanged(from, VISITS, first, afterLast);
            scoreDirector.triggerVariableListeners();
            return;
        }
        scoreDirector.beforeListVariableChanged(from, VISITS, fromIndex, fromIndex + 1);
        Visit visit = from.getVisits().remove(fromIndex);
        scoreDirector.afterListVariableChanged(from, VISITS, fromIndex, fromIndex);
        scoreDirector.beforeListVariableChanged(to, VISITS, toIndex, toIndex);
        to.getVisits().add(toIndex, visit);
        scoreDirector.afterListVariableChanged(to, VISITS, toIndex, toIndex + 1);
        scoreDirector.triggerVariableListeners();
    }

    /** The shift that puts the visit back; shifts are undone in the reverse of the order they were done in. */
    VisitShift reversed() {
        return new VisitShift(to, toIndex, from, fromIndex);
    }
}
