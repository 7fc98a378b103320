package dev.routeplan.planning.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.problem.DepotProblems;
import dev.routeplan.planning.sample.Scenario;
import dev.routeplan.planning.sample.ScenarioGenerator;
import dev.routeplan.planning.sample.ScenarioSpec;
import dev.routeplan.planning.solver.RouteSolver;
import dev.routeplan.planning.solver.SolverSettings;
import dev.routeplan.planning.travel.HaversineTravelModel;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SeededSolveTests {

    @Test
    void aSolveStartedFromTheHandPlanServesAtLeastAsManyOrders() {
        RulePack pack = RulePackLoader.load(Path.of("../config/rules/delhi.yaml"));
        Scenario scenario = ScenarioGenerator.generate(new ScenarioSpec(42, 150, 1, 10));
        DepotProblem problem = DepotProblems.forDepot(pack, LocalDate.of(2026, 12, 1), 0, scenario.depots().get(0),
                scenario.fleet(), scenario.orders());
        var travel = HaversineTravelModel.delhiDefaults();

        DepotPlan hand = new BaselinePlanner().plan(problem, travel);
        DepotPlan seeded = new RouteSolver(travel).solve(problem, SolverSettings.ofSeconds(2), hand);

        assertThat(served(seeded)).isGreaterThanOrEqualTo(served(hand));
        assertThat(served(hand)).isPositive();
    }

    private static int served(DepotPlan plan) {
        return plan.routes().stream().mapToInt(r -> r.stops().size()).sum();
    }
}
