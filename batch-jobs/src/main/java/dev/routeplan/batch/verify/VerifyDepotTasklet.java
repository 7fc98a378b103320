package dev.routeplan.batch.verify;

import dev.routeplan.batch.job.DepotPartitioner;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.ComplianceStore;
import dev.routeplan.batch.store.ComplianceStore.CheckRow;
import dev.routeplan.batch.store.ComplianceStore.PackStamp;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.batch.store.PlanStore.StoredRoute;
import dev.routeplan.planning.compliance.ComplianceVerifier;
import dev.routeplan.planning.compliance.RouteUnderReview;
import dev.routeplan.planning.compliance.RouteVerdict;
import dev.routeplan.planning.compliance.RuleCheck;
import dev.routeplan.planning.compliance.RulePack;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.PlannedStop;
import dev.routeplan.planning.domain.Vehicle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves one depot's routes (one partition) with the independent compliance verifier: stores a
 * check row per route and rule with its evidence, and marks each route PASSED or BLOCKED.
 */
public class VerifyDepotTasklet implements Tasklet {

    private final FleetStore fleet;
    private final OrderStore orders;
    private final PlanStore plans;
    private final ComplianceStore checks;
    private final RulePack rulePack;
    private final ComplianceVerifier verifier;
    private final JsonMapper json;

    public VerifyDepotTasklet(FleetStore fleet, OrderStore orders, PlanStore plans, ComplianceStore checks,
                              RulePack rulePack, ComplianceVerifier verifier, JsonMapper json) {
        this.fleet = fleet;
        this.orders = orders;
        this.plans = plans;
        this.checks = checks;
        this.rulePack = rulePack;
        this.verifier = verifier;
        this.json = json;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        PlanRunParameters run = PlanRunParameters.from(step.getJobParameters());
        String depotId = step.getExecutionContext().getString(DepotPartitioner.DEPOT_ID);
        Depot depot = fleet.depot(run.planDate(), depotId);
        Map<String, Vehicle> vehicles = fleet.vehiclesById(run.planDate());
        Map<String, Order> ordersById = orders.orders(run.planDate(), depotId).stream()
                .collect(Collectors.toMap(Order::id, Function.identity()));
        List<CheckRow> rows = new ArrayList<>();
        int blocked = 0;
        List<StoredRoute> routes = plans.routes(run.planDate(), depotId);
        for (StoredRoute stored : routes) {
            List<Order> stopOrders = stored.route().stops().stream().map(PlannedStop::orderId).map(ordersById::get).toList();
            RouteVerdict verdict = verifier.verify(new RouteUnderReview(run.planDate(), run.grapStage(), depot,
                    vehicles.get(stored.route().vehicleId()), stored.route(), stopOrders));
            for (RuleCheck check : verdict.checks()) {
                rows.add(new CheckRow(verdict.vehicleId(), check.ruleId(), check.verdict().name(), check.severity().name(),
                        check.message(), json.writeValueAsString(check.evidence())));
            }
            plans.setStatus(run.planDate(), stored.route().vehicleId(), verdict.blocked() ? PlanStore.BLOCKED : PlanStore.PASSED);
            blocked += verdict.blocked() ? 1 : 0;
        }
        checks.replace(run.planDate(), depotId,
                new PackStamp(rulePack.id(), rulePack.version(), rulePack.sha256(), run.grapStage()), rows);
        contribution.incrementWriteCount(rows.size());
        step.getExecutionContext().putString("summary", String.format("depot %s: %d routes checked against %d rules, %d blocked",
                depotId, routes.size(), rulePack.rules().size(), blocked));
        return RepeatStatus.FINISHED;
    }
}
