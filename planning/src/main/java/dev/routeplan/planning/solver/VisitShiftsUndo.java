package dev.routeplan.planning.solver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;

/** Undoes a ruin-and-recreate move: replays its shifts backwards. Only ever applied once, right after the move. */
final class VisitShiftsUndo implements Move<DepotRoutingSolution> {

    private final List<VisitShift> done;

    VisitShiftsUndo(List<VisitShift> done) {
        this.done = List.copyOf(done);
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<DepotRoutingSolution> scoreDirector) {
        return true;
    }

    @Override
    public Move<DepotRoutingSolution> doMove(ScoreDirector<DepotRoutingSolution> scoreDirector) {
        List<VisitShift> redo = new ArrayList<>(done.size());
        for (int i = done.size() - 1; i >= 0; i--) {
            VisitShift back = done.get(i).reversed();
            back.apply(scoreDirector);
            redo.add(back);
        }
        return new VisitShiftsUndo(redo);
    }

    @Override
    public Collection<? extends Object> getPlanningEntities() {
        Set<VehicleRoute> routes = new LinkedHashSet<>();
        done.forEach(shift -> {
            routes.add(shift.from());
            routes.add(shift.to());
        });
        return routes;
    }

    @Override
    public Collection<? extends Object> getPlanningValues() {
        return List.of();
    }

    @Override
    public String toString() {
        return "undo " + done.size() + " shifts";
    }
}
