package dev.routeplan.batch.optimise;

import dev.routeplan.batch.job.DepotPartitioner;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.planning.baseline.BaselinePlanner;
import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.DepotPlan;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.problem.DepotProblems;
import dev.routeplan.planning.solver.RouteSolver;
import dev.routeplan.planning.solver.SolverSettings;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Plans one depot (one partition): builds the problem from the stored orders and eligible
 * vehicles, asks the rule pack when each vehicle may not ply, solves, and replaces the depot's
 * routes, stops and unassigned orders in one transaction.
 */
public class OptimiseDepotTasklet implements Tasklet {

    private final FleetStore fleet;
    private final OrderStore orders;
    private final PlanStore plans;
    private final RulePack rulePack;
    private final RouteSolver solver;
    private final ConditionsStore conditions;
    private final TravelTimeProvider travel;

    public OptimiseDepotTasklet(FleetStore fleet, OrderStore orders, PlanStore plans, RulePack rulePack, RouteSolver solver,
                                ConditionsStore conditions, TravelTimeProvider travel) {
        this.travel = travel;
        this.conditions = conditions;
        this.fleet = fleet;
        this.orders = orders;
        this.plans = plans;
        this.rulePack = rulePack;
        this.solver = solver;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        PlanRunParameters run = PlanRunParameters.from(step.getJobParameters());
        String depotId = step.getExecutionContext().getString(DepotPartitioner.DEPOT_ID);
        Depot depot = fleet.depot(run.planDate(), depotId);
        List<Vehicle> vehicles = fleet.eligibleVehicles(run.planDate(), depotId);
        // plan for the highest stage of the day: the verifier judges each segment at its own stage
        GrapCalendar grap = conditions.grapCalendar(run.planDate(), run.grapStage());
        int stage = grap.highestStage(run.planDate(), 0, 2 * TimeWindow.SECONDS_PER_DAY);
        DepotProblem problem = DepotProblems.forDepot(rulePack, run.planDate(), stage, depot, vehicles,
                orders.orders(run.planDate(), depotId));
        // the dispatcher's hand plan is both the yardstick and the solver's starting point
        DepotPlan baseline = new BaselinePlanner().plan(problem, travel);
        DepotPlan plan = solver.solve(problem, SolverSettings.ofSeconds(run.solverSeconds()), baseline);
        plans.replace(run.planDate(), plan);
        plans.replaceBaseline(run.planDate(), depotId, baseline.distanceKm(),
                baseline.routes().stream().mapToInt(r -> r.stops().size()).sum());
        int stops = plan.routes().stream().mapToInt(r -> r.stops().size()).sum();
        contribution.incrementWriteCount(stops);
        step.getExecutionContext().putString("summary", String.format(
                "depot %s: %d orders, %d routes, %d stops, %.1f km, %d unassigned (hand-planned baseline %.1f km, %d stops)",
                depotId, problem.orders().size(), plan.routes().size(), stops, plan.distanceKm(), plan.unassigned().size(),
                baseline.distanceKm(), baseline.routes().stream().mapToInt(r -> r.stops().size()).sum()));
        return RepeatStatus.FINISHED;
    }
}
