package dev.routeplan.batch.optimise;

import dev.routeplan.batch.job.DepotPartitionedSteps;
import dev.routeplan.batch.job.RunMetrics;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.solver.RouteSolver;
import dev.routeplan.planning.travel.TravelTimeProvider;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Optimise: one partition per depot, solved side by side on the partition threads. The tasklet
 * opens its own short transactions around loading and writing, so the step around it holds none:
 * a solve of minutes must not keep a pooled connection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SolverProperties.class)
public class OptimiseStepConfiguration {

    @Bean
    Step optimiseStep(DepotPartitionedSteps depotSteps, PlatformTransactionManager transactionManager, FleetStore fleet,
                      OrderStore orders, PlanStore plans, RulePack rulePack, RouteSolver solver,
                      ConditionsStore conditions, TravelTimeProvider travel, RunMetrics metrics, SolverProperties solverProperties) {
        OptimiseDepotTasklet tasklet = new OptimiseDepotTasklet(fleet, orders, plans, rulePack, solver, conditions, travel,
                new TransactionTemplate(transactionManager), metrics, solverProperties.localSearchSteps());
        return depotSteps.step("optimise", tasklet, new ResourcelessTransactionManager());
    }
}
