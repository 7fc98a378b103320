package dev.routeplan.batch.verify;

import dev.routeplan.batch.job.DepotPartitioner;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.AuditStore;
import dev.routeplan.batch.store.ComplianceStore;
import dev.routeplan.batch.store.ComplianceStore.CheckRow;
import dev.routeplan.batch.store.ComplianceStore.PackStamp;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.batch.verify.StoredPlanVerifier.CheckedRoute;
import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.verify.RuleCheck;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves one depot's routes (one partition) with the independent compliance verifier: stores a
 * check row per route and rule with its evidence, marks each route PASSED or BLOCKED, and keeps an
 * audit record of the verification.
 */
public class VerifyDepotTasklet implements Tasklet {

    private final StoredPlanVerifier verifier;
    private final PlanStore plans;
    private final ComplianceStore checks;
    private final ConditionsStore conditions;
    private final AuditStore audit;
    private final RulePack rulePack;
    private final JsonMapper json;

    public VerifyDepotTasklet(StoredPlanVerifier verifier, PlanStore plans, ComplianceStore checks,
                              ConditionsStore conditions, AuditStore audit, RulePack rulePack, JsonMapper json) {
        this.verifier = verifier;
        this.plans = plans;
        this.checks = checks;
        this.conditions = conditions;
        this.audit = audit;
        this.rulePack = rulePack;
        this.json = json;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        PlanRunParameters run = PlanRunParameters.from(step.getJobParameters());
        String depotId = step.getExecutionContext().getString(DepotPartitioner.DEPOT_ID);
        GrapCalendar grap = conditions.grapCalendar(run.planDate(), run.grapStage());
        List<CheckedRoute> routes = verifier.verify(run.planDate(), depotId, rulePack, grap);
        List<CheckRow> rows = new ArrayList<>();
        int blocked = 0;
        for (CheckedRoute route : routes) {
            for (RuleCheck check : route.verdict().checks()) {
                rows.add(new CheckRow(route.verdict().vehicleId(), check.ruleId(), check.verdict().name(),
                        check.severity().name(), check.message(), json.writeValueAsString(check.evidence()),
                        route.grapStageAtDeparture()));
            }
            plans.setStatus(run.planDate(), route.verdict().vehicleId(),
                    route.verdict().blocked() ? PlanStore.BLOCKED : PlanStore.PASSED);
            blocked += route.verdict().blocked() ? 1 : 0;
        }
        checks.replace(run.planDate(), depotId, new PackStamp(rulePack.id(), rulePack.version(), rulePack.sha256()), rows);
        audit.record(new AuditStore.Verification(run.planDate(), "nightlyPlanJob execution " + step.getJobExecutionId()
                + " depot " + depotId, "NIGHTLY", rulePack, grap.describe(), grap.source(), routes.size(),
                routes.size() - blocked, blocked, 0));
        contribution.incrementWriteCount(rows.size());
        step.getExecutionContext().putString("summary", String.format("depot %s: %d routes checked against %d rules, %d blocked",
                depotId, routes.size(), rulePack.rules().size(), blocked));
        return RepeatStatus.FINISHED;
    }
}
