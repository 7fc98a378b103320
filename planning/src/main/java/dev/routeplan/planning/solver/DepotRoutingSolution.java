package dev.routeplan.planning.solver;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

/** One depot's routing problem and, once solved, its routes. */
@PlanningSolution
public class DepotRoutingSolution {

    @PlanningEntityCollectionProperty
    private List<VehicleRoute> routes;

    // The list variable's values are problem facts in OptaPlanner 10.2, not an entity collection.
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "visits")
    private List<Visit> visits;

    // hard rules; then orders left out, their priorities, and the cost (RoutingConstraints)
    @PlanningScore(bendableHardLevelsSize = RoutingConstraints.HARD_LEVELS, bendableSoftLevelsSize = RoutingConstraints.SOFT_LEVELS)
    private BendableLongScore score;

    public DepotRoutingSolution() {
        // for OptaPlanner's solution cloner
    }

    DepotRoutingSolution(List<VehicleRoute> routes, List<Visit> visits) {
        this.routes = routes;
        this.visits = visits;
    }

    public List<VehicleRoute> getRoutes() {
        return routes;
    }

    public void setRoutes(List<VehicleRoute> routes) {
        this.routes = routes;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    public BendableLongScore getScore() {
        return score;
    }

    public void setScore(BendableLongScore score) {
        this.score = score;
    }
}
