package dev.routeplan.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * The listener retimes only the part of a route a change touched. These tests make thousands of
 * random changes on the depot of {@link RuinRecreateMoveTests} (driver breaks, an HGV with
 * no-entry hours, two-window orders, a full fleet) and after each compare every visit's arrival and
 * break with a timeline computed from scratch; OptaPlanner's FULL_ASSERT cannot catch a stale
 * time here, because re-triggering the listener finds nothing moved and keeps what it has.
 */
class ArrivalTimeListenerTests {

    @Test
    void timesEveryVisitAsAFreshTimelineWouldAfterEachSingleChange() {
        try (InnerScoreDirector<DepotRoutingSolution, BendableLongScore> scoreDirector =
                     RuinRecreateMoveTests.scoreDirectorOnAFirstPlan()) {
            Random random = new Random(3);
            for (int change = 0; change < 3000; change++) {
                randomShift(random, scoreDirector.getWorkingSolution()).apply(scoreDirector);
                assertTimedAsFromScratch(scoreDirector.getWorkingSolution(), "change " + change);
            }
        }
    }

    @Test
    void timesEveryVisitOfEveryBestPlanOfASearchWithAllItsMoves() {
        // sub-list, k-opt and ruin-and-recreate moves change several visits at once; a stale time
        // would live on into the next best plan
        SolverConfig config = RouteSolver.config(SolverSettings.fullSeconds(60).withSearch(SolverSettings.Search.DEFAULT));
        config.getPhaseConfigList().get(1).setTerminationConfig(new TerminationConfig().withStepCountLimit(3000));
        Solver<DepotRoutingSolution> solver = SolverFactory.<DepotRoutingSolution>create(config).buildSolver();
        List<String> checked = new ArrayList<>();
        solver.addEventListener(event -> {
            assertTimedAsFromScratch(event.getNewBestSolution(), "best plan " + checked.size());
            checked.add(event.getNewBestScore().toString());
        });

        DepotRoutingSolution solved = solver.solve(RuinRecreateMoveTests.problem());

        assertTimedAsFromScratch(solved, "the end");
        assertThat(checked).hasSizeGreaterThan(10);
    }

    /** A visit moved to a random place: within its route, to another route, or into or out of the bucket. */
    private static VisitShift randomShift(Random random, DepotRoutingSolution solution) {
        List<VehicleRoute> withVisits = solution.getRoutes().stream().filter(route -> !route.getVisits().isEmpty()).toList();
        VehicleRoute from = withVisits.get(random.nextInt(withVisits.size()));
        VehicleRoute to = solution.getRoutes().get(random.nextInt(solution.getRoutes().size()));
        int fromIndex = random.nextInt(from.getVisits().size());
        int room = to.getVisits().size() + (to == from ? 0 : 1);
        return new VisitShift(from, fromIndex, to, random.nextInt(room));
    }

    private static void assertTimedAsFromScratch(DepotRoutingSolution solution, String after) {
        for (VehicleRoute route : solution.getRoutes()) {
            List<Visit> visits = route.getVisits();
            if (route.isUnplannedBucket()) {
                assertThat(visits).as(after + ": visits in the bucket have no times")
                        .allMatch(visit -> visit.getArrival() == null && visit.getRest() == null);
                continue;
            }
            List<Visit> copies = new ArrayList<>();
            visits.forEach(visit -> copies.add(visit.unplacedCopy()));
            VehicleRoute fresh = route.withVisits(copies);
            for (int i = 0; i < visits.size(); i++) {
                Visit visit = visits.get(i);
                Visit expected = fresh.getVisits().get(i);
                assertThat(visit.getArrival()).as(after + ": arrival at " + visit + " on " + route).isEqualTo(expected.getArrival());
                assertThat(visit.getRest()).as(after + ": break at " + visit + " on " + route).isEqualTo(expected.getRest());
            }
            assertThat(route.departureFromDepot()).as(after + ": departure of " + route).isEqualTo(fresh.departureFromDepot());
        }
    }
}
