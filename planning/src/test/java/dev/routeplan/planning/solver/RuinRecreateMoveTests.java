package dev.routeplan.planning.solver;

import static dev.routeplan.planning.solver.RouteSolverTests.HOUR;
import static dev.routeplan.planning.solver.RouteSolverTests.OKHLA;
import static dev.routeplan.planning.solver.RouteSolverTests.PLAN_DATE;
import static dev.routeplan.planning.solver.RouteSolverTests.lgv;
import static dev.routeplan.planning.solver.RouteSolverTests.order;
import static dev.routeplan.planning.solver.RouteSolverTests.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.NoEntryInterval;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.problem.DriverLimits;
import dev.routeplan.planning.problem.ZoneHits;
import dev.routeplan.planning.travel.HaversineTravelModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * The ruin-and-recreate move on a depot with what makes Delhi plans hard: a fleet too small for
 * the orders (the unplanned bucket is in use), driver breaks, an HGV with no-entry hours, and
 * morning and afternoon windows.
 */
class RuinRecreateMoveTests {

    private static final DriverLimits DUTY = new DriverLimits(2 * HOUR, HOUR / 2, 8 * HOUR, 12 * HOUR);
    private static final RuinRecreateMove.Sizes SIZES = new RuinRecreateMove.Sizes(6, 4, 10);

    @Test
    void keepsShadowVariablesAndTheScoreConsistentInFullAssertMode() {
        // FULL_ASSERT recomputes the score from scratch after every move and every undo, and checks
        // that no shadow variable is stale: the solve fails if the move tells the score director wrong
        SolverConfig config = RouteSolver.config(SolverSettings.ofSeconds(60))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withSecondsSpentLimit(60L))
                .withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig()
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(20))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                        .withMoveSelectorConfig(RouteSolver.ruinRecreate(SolverSettings.Search.DEFAULT))
                        .withTerminationConfig(new TerminationConfig().withStepCountLimit(25)));

        DepotRoutingSolution solved = SolverFactory.<DepotRoutingSolution>create(config).buildSolver().solve(problem());

        assertThat(solved.getScore().isFeasible()).isTrue();
        assertThat(solved.getRoutes().stream().mapToInt(r -> r.getVisits().size()).sum()).isEqualTo(solved.getVisits().size());
        assertThat(bucket(solved).getVisits()).isNotEmpty(); // the fleet cannot carry everything
    }

    @Test
    void undoingTheMoveRestoresEveryRouteAndTheScore() {
        try (InnerScoreDirector<DepotRoutingSolution, BendableLongScore> scoreDirector = scoreDirectorOnAFirstPlan()) {
            List<List<Visit>> before = routes(scoreDirector.getWorkingSolution());
            BendableLongScore scoreBefore = scoreDirector.calculateScore();

            Move<DepotRoutingSolution> undo = move(7).doMove(scoreDirector);
            BendableLongScore scoreAfter = scoreDirector.calculateScore();
            scoreDirector.assertWorkingScoreFromScratch(scoreAfter, "ruin and recreate");
            assertThat(routes(scoreDirector.getWorkingSolution())).isNotEqualTo(before);

            undo.doMoveOnly(scoreDirector);
            assertThat(routes(scoreDirector.getWorkingSolution())).isEqualTo(before);
            assertThat(scoreDirector.calculateScore()).isEqualTo(scoreBefore);
            scoreDirector.assertWorkingScoreFromScratch(scoreBefore, "undo of ruin and recreate");
        }
    }

    @Test
    void makesTheSameChangesEveryTimeFromTheSamePlanAndSeed() {
        // OptaPlanner does a move once to score it and again as the step: both must give one plan
        try (InnerScoreDirector<DepotRoutingSolution, BendableLongScore> scoreDirector = scoreDirectorOnAFirstPlan()) {
            Move<DepotRoutingSolution> undo = move(11).doMove(scoreDirector);
            List<List<Visit>> first = routes(scoreDirector.getWorkingSolution());
            undo.doMoveOnly(scoreDirector);

            move(11).doMove(scoreDirector);

            assertThat(routes(scoreDirector.getWorkingSolution())).isEqualTo(first);
        }
    }

    private static RuinRecreateMove move(long seed) {
        return new RuinRecreateMove(seed, VisitNeighbours.of(problemVisits, 30), RouteKinds.of(problemRoutes), SIZES);
    }

    private static List<Visit> problemVisits;
    private static List<VehicleRoute> problemRoutes;

    /** The depot's problem after construction: every visit on a route or in the bucket, shadows set. */
    @SuppressWarnings("unchecked")
    static InnerScoreDirector<DepotRoutingSolution, BendableLongScore> scoreDirectorOnAFirstPlan() {
        SolverConfig config = RouteSolver.config(SolverSettings.ofSeconds(60))
                .withTerminationConfig(new TerminationConfig().withSecondsSpentLimit(60L))
                .withPhases(new ConstructionHeuristicPhaseConfig());
        DepotRoutingSolution constructed = SolverFactory.<DepotRoutingSolution>create(config).buildSolver().solve(problem());
        InnerScoreDirector<DepotRoutingSolution, BendableLongScore> scoreDirector =
                (InnerScoreDirector<DepotRoutingSolution, BendableLongScore>)
                        ((DefaultSolverFactory<DepotRoutingSolution>) SolverFactory.<DepotRoutingSolution>create(config))
                                .getScoreDirectorFactory().buildScoreDirector();
        scoreDirector.setWorkingSolution(constructed);
        problemVisits = scoreDirector.getWorkingSolution().getVisits();
        problemRoutes = scoreDirector.getWorkingSolution().getRoutes();
        return scoreDirector;
    }

    static DepotRoutingSolution problem() {
        Vehicle hgv = vehicle("HGV-1", VehicleClass.HGV, 1200, TimeWindow.of("06:00", "22:00"));
        List<Vehicle> fleet = List.of(lgv("LGV-1", 900), lgv("LGV-2", 900), hgv);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            TimeWindow window = i % 3 == 0 ? TimeWindow.of("14:00", "18:00") : TimeWindow.of("09:00", "13:00");
            Order order = order("O" + i, 28.50 + 0.013 * (i % 6), 77.18 + 0.015 * (i / 6), 90, window);
            orders.add(i % 3 != 0 && i % 4 == 1 ? RouteSolverTests.withWindows(order, TimeWindow.of("15:30", "17:00")) : order);
        }
        DepotProblem depot = new DepotProblem(PLAN_DATE, OKHLA, fleet, orders,
                Map.of(hgv.id(), List.of(new NoEntryInterval("DL-NOENTRY-HGV", 7 * HOUR, 11 * HOUR))), Map.of(), DUTY);
        List<GeoPoint> points = new ArrayList<>(List.of(OKHLA.location()));
        orders.forEach(o -> points.add(o.location()));
        TravelMatrix matrix = new TravelMatrix(points, HaversineTravelModel.delhiDefaults());
        return RouteSolver.routingProblem(depot, matrix, new ZoneHits(points, List.of()), null, new ArrayList<>());
    }

    private static VehicleRoute bucket(DepotRoutingSolution solution) {
        return solution.getRoutes().stream().filter(VehicleRoute::isUnplannedBucket).findFirst().orElseThrow();
    }

    private static List<List<Visit>> routes(DepotRoutingSolution solution) {
        return solution.getRoutes().stream().map(r -> List.copyOf(r.getVisits())).toList();
    }
}
