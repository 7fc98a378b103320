package dev.routeplan.batch.verify;

import dev.routeplan.batch.job.DepotPartitionedSteps;
import dev.routeplan.batch.store.AuditStore;
import dev.routeplan.batch.store.ComplianceStore;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.travel.TravelTimeProvider;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** Verify: one partition per depot; every route is proved against every rule of the pack. */
@Configuration(proxyBeanMethods = false)
public class VerifyStepConfiguration {

    @Bean
    StoredPlanVerifier storedPlanVerifier(FleetStore fleet, OrderStore orders, PlanStore plans, ConditionsStore conditions,
                                          TravelTimeProvider travel) {
        return new StoredPlanVerifier(fleet, orders, plans, conditions, travel);
    }

    @Bean
    Step verifyStep(DepotPartitionedSteps depotSteps, PlatformTransactionManager transactionManager,
                    StoredPlanVerifier verifier, PlanStore plans, ComplianceStore checks, ConditionsStore conditions,
                    AuditStore audit, RulePack rulePack, JsonMapper json) {
        return depotSteps.step("verify", new VerifyDepotTasklet(verifier, plans, checks, conditions, audit, rulePack,
                json), transactionManager);
    }
}
