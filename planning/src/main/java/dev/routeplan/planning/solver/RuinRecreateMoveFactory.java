package dev.routeplan.planning.solver;

import java.util.Iterator;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Hands the local search an endless stream of {@link RuinRecreateMove}s, each with its own seed
 * drawn from the solver's random (so a run stays repeatable). OptaPlanner makes one factory per
 * solver and sets the knobs from the config's custom properties.
 */
public class RuinRecreateMoveFactory implements MoveIteratorFactory<DepotRoutingSolution, RuinRecreateMove> {

    /** Enough neighbours for the ruin to find several routes near its seed visit. */
    static final int NEIGHBOURS_KEPT = 60;

    private int averageRemoved = SolverSettings.Search.DEFAULT.ruinAverageRemoved();
    private int maxString = SolverSettings.Search.DEFAULT.ruinMaxString();
    private int insertionNeighbours = SolverSettings.Search.DEFAULT.insertionNeighbours();
    private VisitNeighbours neighbours;
    private RouteKinds kinds;

    public void setAverageRemoved(int averageRemoved) {
        this.averageRemoved = averageRemoved;
    }

    public void setMaxString(int maxString) {
        this.maxString = maxString;
    }

    public void setInsertionNeighbours(int insertionNeighbours) {
        this.insertionNeighbours = insertionNeighbours;
    }

    @Override
    public void phaseStarted(ScoreDirector<DepotRoutingSolution> scoreDirector) {
        neighbours = VisitNeighbours.of(scoreDirector.getWorkingSolution().getVisits(),
                Math.max(NEIGHBOURS_KEPT, insertionNeighbours));
        kinds = RouteKinds.of(scoreDirector.getWorkingSolution().getRoutes());
    }

    @Override
    public long getSize(ScoreDirector<DepotRoutingSolution> scoreDirector) {
        return scoreDirector.getWorkingSolution().getVisits().size();
    }

    @Override
    public Iterator<RuinRecreateMove> createOriginalMoveIterator(ScoreDirector<DepotRoutingSolution> scoreDirector) {
        throw new UnsupportedOperationException("ruin and recreate moves are only selected at random");
    }

    @Override
    public Iterator<RuinRecreateMove> createRandomMoveIterator(ScoreDirector<DepotRoutingSolution> scoreDirector, Random random) {
        return new Iterator<>() {
            private final RuinRecreateMove.Sizes sizes = new RuinRecreateMove.Sizes(averageRemoved, maxString, insertionNeighbours);

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public RuinRecreateMove next() {
                return new RuinRecreateMove(random.nextLong(), neighbours, kinds, sizes);
            }
        };
    }
}
