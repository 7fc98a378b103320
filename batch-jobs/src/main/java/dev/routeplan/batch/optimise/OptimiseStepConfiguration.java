package dev.routeplan.batch.optimise;

import dev.routeplan.batch.job.DepotPartitioner;
import dev.routeplan.batch.job.ProgressPrinter;
import dev.routeplan.batch.job.RouteplanProperties;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.solver.RouteSolver;
import dev.routeplan.planning.travel.TravelTimeProvider;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** Optimise: one partition per depot, solved side by side on the partition threads. */
@Configuration(proxyBeanMethods = false)
public class OptimiseStepConfiguration {

    @Bean
    Step optimiseStep(JobRepository jobRepository, Step optimiseDepotStep, DepotPartitioner depotPartitioner,
                      TaskExecutor partitionExecutor, RouteplanProperties properties, ProgressPrinter progress) {
        return new StepBuilder("optimise", jobRepository)
                .partitioner("optimiseDepot", depotPartitioner)
                .step(optimiseDepotStep)
                .taskExecutor(partitionExecutor)
                .gridSize(properties.partitionThreads())
                .listener((StepExecutionListener) progress)
                .build();
    }

    @Bean
    Step optimiseDepotStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, FleetStore fleet,
                           OrderStore orders, PlanStore plans, RulePack rulePack, RouteSolver solver,
                           ConditionsStore conditions, TravelTimeProvider travel, ProgressPrinter progress) {
        return new StepBuilder("optimiseDepot", jobRepository)
                .tasklet(new OptimiseDepotTasklet(fleet, orders, plans, rulePack, solver, conditions, travel), transactionManager)
                .listener((StepExecutionListener) progress)
                .build();
    }
}
