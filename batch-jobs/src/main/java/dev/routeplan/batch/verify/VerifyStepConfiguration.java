package dev.routeplan.batch.verify;

import dev.routeplan.batch.job.DepotPartitioner;
import dev.routeplan.batch.job.ProgressPrinter;
import dev.routeplan.batch.job.RouteplanProperties;
import dev.routeplan.batch.store.AuditStore;
import dev.routeplan.batch.store.ComplianceStore;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.travel.TravelTimeProvider;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** Verify: one partition per depot; every route is proved against every rule of the pack. */
@Configuration(proxyBeanMethods = false)
public class VerifyStepConfiguration {

    @Bean
    Step verifyStep(JobRepository jobRepository, Step verifyDepotStep, DepotPartitioner depotPartitioner,
                    TaskExecutor partitionExecutor, RouteplanProperties properties, ProgressPrinter progress) {
        return new StepBuilder("verify", jobRepository)
                .partitioner("verifyDepot", depotPartitioner)
                .step(verifyDepotStep)
                .taskExecutor(partitionExecutor)
                .gridSize(properties.partitionThreads())
                .listener((StepExecutionListener) progress)
                .build();
    }

    @Bean
    StoredPlanVerifier storedPlanVerifier(FleetStore fleet, OrderStore orders, PlanStore plans, ConditionsStore conditions,
                                          TravelTimeProvider travel) {
        return new StoredPlanVerifier(fleet, orders, plans, conditions, travel);
    }

    @Bean
    Step verifyDepotStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         StoredPlanVerifier verifier, PlanStore plans, ComplianceStore checks, ConditionsStore conditions,
                         AuditStore audit, RulePack rulePack, ProgressPrinter progress,
                         JsonMapper json) {
        return new StepBuilder("verifyDepot", jobRepository)
                .tasklet(new VerifyDepotTasklet(verifier, plans, checks, conditions, audit, rulePack, json),
                        transactionManager)
                .listener((StepExecutionListener) progress)
                .build();
    }
}
