package dev.routeplan.batch.publish;

import dev.routeplan.batch.job.ProgressPrinter;
import dev.routeplan.batch.job.RunLogContext;
import dev.routeplan.batch.job.RunMetrics;
import dev.routeplan.batch.job.RouteplanProperties;
import dev.routeplan.batch.store.ArtifactStore;
import dev.routeplan.batch.store.ComplianceStore;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.InputFileStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.OutputFiles;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.planning.compliance.pack.RulePack;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class PublishStepConfiguration {

    @Bean
    Step publishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, InputFileStore files,
                     FleetStore fleet, OrderStore orders, PlanStore plans, ComplianceStore checks, ArtifactStore artifacts,
                     RulePack rulePack, ConditionsStore conditions, PlanRevisionStore revisions, ProgressPrinter progress, RunLogContext runLogContext,
                     RunMetrics runMetrics,
                     ObjectProvider<MeterRegistry> meters, RouteplanProperties properties,
                     JsonMapper json) {
        RunSummaryWriter summaries = new RunSummaryWriter(files, fleet, orders, plans, checks, rulePack, conditions, json);
        OutputFiles outputs = new OutputFiles(artifacts);
        PlanRevisions planRevisions = new PlanRevisions(revisions, artifacts, runMetrics);
        return new StepBuilder("publish", jobRepository)
                .tasklet(new PlanPublishTasklet(fleet, orders,
                        new DepotPublisher(plans, checks, rulePack, outputs, planRevisions),
                        new RunPublisher(outputs, summaries, new ComplianceReportAssembler(fleet, plans, checks, conditions, rulePack, json),
                                planRevisions),
                        new PlanMetrics(meters.getIfAvailable(() -> Metrics.globalRegistry)),
                        DepotMaps.outline(properties.mapOutline())),
                        transactionManager)
                .listener((StepExecutionListener) runLogContext)
                .listener((StepExecutionListener) progress)
                .build();
    }
}
