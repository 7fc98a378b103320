package dev.routeplan.batch.optimise;

import dev.routeplan.batch.job.DepotPartitioner;
import dev.routeplan.batch.job.RunMetrics;
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
import dev.routeplan.planning.domain.PlannedRoute;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.problem.DepotProblem;
import dev.routeplan.planning.problem.DepotProblems;
import dev.routeplan.planning.solver.RouteSolver;
import dev.routeplan.planning.solver.SolverSettings;
import dev.routeplan.planning.travel.TravelTimeProvider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans one depot (one partition): builds the problem from the stored orders and eligible
 * vehicles, asks the rule pack when each vehicle may not ply, solves, and replaces the depot's
 * routes, stops and unassigned orders in one transaction. Loading and writing each take a short
 * transaction; the solve between them holds no connection, so a long time budget does not drain
 * the pool.
 */
public class OptimiseDepotTasklet implements Tasklet {

    private final FleetStore fleet;
    private final OrderStore orders;
    private final PlanStore plans;
    private final RulePack rulePack;
    private final RouteSolver solver;
    private final ConditionsStore conditions;
    private final TravelTimeProvider travel;
    private final TransactionTemplate transactions;
    private final RunMetrics metrics;
    private final int localSearchSteps;

    /** @param localSearchSteps 0: the run's time budget ends each solve; else that many local-search steps ({@link SolverProperties}) */
    public OptimiseDepotTasklet(FleetStore fleet, OrderStore orders, PlanStore plans, RulePack rulePack, RouteSolver solver,
                                ConditionsStore conditions, TravelTimeProvider travel, TransactionTemplate transactions,
                                RunMetrics metrics, int localSearchSteps) {
        this.metrics = metrics;
        this.localSearchSteps = localSearchSteps;
        this.transactions = transactions;
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
        DepotProblem problem = transactions.execute(status -> load(run, depotId));
        // the dispatcher's hand plan is both the yardstick and the solver's starting point
        DepotPlan baseline = new BaselinePlanner().plan(problem, travel);
        long solving = System.nanoTime();
        DepotPlan plan = solver.solve(problem, SolverSettings.ofSeconds(run.solverSeconds()).withLocalSearchSteps(localSearchSteps),
                baseline);
        metrics.solved(depotId, Duration.ofNanos(System.nanoTime() - solving));
        Map<String, String> unused = unusedVehicleReasons(problem, plan);
        transactions.executeWithoutResult(status -> {
            plans.replace(run.planDate(), plan);
            fleet.recordUnused(run.planDate(), depotId, unused);
            // its cost now: its routes are not stored, so nothing could cost it later
            plans.replaceBaseline(run.planDate(), depotId, baseline.distanceKm(),
                    baseline.routes().stream().mapToInt(r -> r.stops().size()).sum(),
                    baseline.runningCost(problem.vehiclesById()));
        });
        int stops = plan.routes().stream().mapToInt(r -> r.stops().size()).sum();
        contribution.incrementWriteCount(stops);
        step.getExecutionContext().putString("summary", String.format(
                "depot %s: %d orders, %d routes, %d stops, %.1f km, %d unassigned (hand-planned baseline %.1f km, %d stops)",
                depotId, problem.orders().size(), plan.routes().size(), stops, plan.distanceKm(), plan.unassigned().size(),
                baseline.distanceKm(), baseline.routes().stream().mapToInt(r -> r.stops().size()).sum()));
        return RepeatStatus.FINISHED;
    }

    /**
     * Vehicles the plan leaves without a route for a reason of the rules (e.g. essential goods
     * only at GRAP IV, with no essential-goods order to carry), with that reason.
     */
    static Map<String, String> unusedVehicleReasons(DepotProblem problem, DepotPlan plan) {
        Set<String> used = plan.routes().stream().map(PlannedRoute::vehicleId).collect(Collectors.toSet());
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Vehicle v : problem.vehicles()) {
            if (!used.contains(v.id())) {
                problem.essentialGoodsOnly(v).ifPresent(reason -> reasons.put(v.id(), "not used: " + reason
                        + "; no route of essential goods only was planned for it"));
            }
        }
        return reasons;
    }

    private DepotProblem load(PlanRunParameters run, String depotId) {
        Depot depot = fleet.depot(run.planDate(), depotId);
        List<Vehicle> vehicles = fleet.eligibleVehicles(run.planDate(), depotId);
        // plan for the highest stage of the day: the verifier judges each segment at its own stage
        GrapCalendar grap = conditions.grapCalendar(run.planDate(), run.grapStage());
        int stage = grap.highestStage(run.planDate(), 0, 2 * TimeWindow.SECONDS_PER_DAY);
        return DepotProblems.forDepot(rulePack, run.planDate(), stage, depot, vehicles, orders.orders(run.planDate(), depotId));
    }
}
