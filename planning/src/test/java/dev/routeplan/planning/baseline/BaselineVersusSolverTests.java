package dev.routeplan.planning.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.sample.Scenario;
import dev.routeplan.planning.sample.ScenarioGenerator;
import dev.routeplan.planning.sample.ScenarioSpec;
import dev.routeplan.planning.solver.RouteSolver;
import dev.routeplan.planning.solver.SolverSettings;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optimiser against the dispatcher's baseline on the samples-shaped scenario: 15 s of solving.
 *
 * <p>Only the served count is asserted. The km gain is printed, not asserted, because it is neither
 * reliably positive nor stable: the solver stops on wall-clock time, and two runs on 2026-11-26
 * (baseline 262 orders on 1,429.4 km both times) gave the solver 300 orders on 1,768.4 km (gain
 * -23.7 %) and 300 orders on 1,406.1 km (gain +1.6 %). Its soft score is cost in paise, fixed cost
 * per vehicle included, not km, so it may drive further to send out fewer vehicles (Mundka).
 */
class BaselineVersusSolverTests {

    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 11, 27);

    private final TravelTimeProvider travel = HaversineTravelModel.delhiDefaults();

    @Test
    void theSolverServesAtLeastAsManyOrdersAsTheBaseline() {
        Scenario scenario = ScenarioGenerator.generate(new ScenarioSpec(42, 300, 3, 30));
        RouteSolver solver = new RouteSolver(travel);
        BaselinePlanner baseline = new BaselinePlanner();

        EfficiencyGain total = new EfficiencyGain(0, 0, 0, 0, 0, 0);
        for (Depot depot : scenario.depots()) {
            DepotProblem problem = new DepotProblem(PLAN_DATE, depot,
                    scenario.fleet().stream().filter(v -> v.depotId().equals(depot.id())).toList(),
                    scenario.orders().stream().filter(o -> o.depotId().equals(depot.id())).toList(), Map.of());
            DepotPlan byHand = baseline.plan(problem, travel);
            DepotPlan optimised = solver.solve(problem, SolverSettings.ofSeconds(5));
            EfficiencyGain gain = EfficiencyGain.of(problem, byHand, optimised);
            System.out.println(depot.id() + " " + depot.name() + ": " + gain);
            total = total.plus(gain);
        }
        System.out.println("all depots: " + total);

        assertThat(total.optimisedServedOrders()).isGreaterThanOrEqualTo(total.baselineServedOrders());
    }
}
