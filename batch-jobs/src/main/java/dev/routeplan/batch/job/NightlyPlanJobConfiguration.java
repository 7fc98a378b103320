package dev.routeplan.batch.job;

import dev.routeplan.batch.remote.PartitioningProperties;
import dev.routeplan.batch.remote.QueuePlacement;
import dev.routeplan.batch.store.FleetStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.PrintStream;
import java.time.LocalDate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * {@code nightlyPlanJob}: fetch, fleet, ingest, optimise, verify, publish, deliver. This class only wires
 * the steps; each step family has its own configuration. The fleet is loaded before the orders
 * because validating an order needs its depot and the depot's largest vehicle.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RouteplanProperties.class, PartitioningProperties.class})
@Import({PlanningConfiguration.class, StoreConfiguration.class})
public class NightlyPlanJobConfiguration {

    public static final String JOB_NAME = "nightlyPlanJob";
    public static final String INGEST_JOB_NAME = "ingestOrdersJob";
    public static final String REPUBLISH_JOB_NAME = "republishPlanJob";

    @Bean
    Job nightlyPlanJob(JobRepository jobRepository, Step fetchStep, Step fleetStep, Step ingestStep, Step optimiseStep,
                       Step verifyStep, Step publishStep, Step deliverStep, RunLogContext runLogContext, RunMetrics runMetrics) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runLogContext)
                .listener(runMetrics)
                .start(fetchStep)
                .next(fleetStep)
                .next(ingestStep)
                .next(optimiseStep)
                .next(verifyStep)
                .next(publishStep)
                .next(deliverStep)
                .build();
    }

    /** Takes in a date's files without planning: for backfills, and to measure ingest on its own. */
    @Bean
    Job ingestOrdersJob(JobRepository jobRepository, Step fetchStep, Step fleetStep, Step ingestStep,
                        RunLogContext runLogContext, RunMetrics runMetrics) {
        return new JobBuilder(INGEST_JOB_NAME, jobRepository).listener(runLogContext).listener(runMetrics)
                .start(fetchStep).next(fleetStep).next(ingestStep).build();
    }

    /**
     * Publishes a date's stored plan again and delivers what changed, without taking in or planning
     * anything: after an erasure changed what the files must show. Unchanged depots write nothing.
     */
    @Bean
    Job republishPlanJob(JobRepository jobRepository, Step publishStep, Step deliverStep, RunLogContext runLogContext,
                         RunMetrics runMetrics) {
        return new JobBuilder(REPUBLISH_JOB_NAME, jobRepository).listener(runLogContext).listener(runMetrics)
                .start(publishStep).next(deliverStep).build();
    }

    /** The run in every log line's context; every step registers it first. */
    @Bean
    RunLogContext runLogContext() {
        return new RunLogContext();
    }

    @Bean
    RunMetrics runMetrics(ObjectProvider<MeterRegistry> meters) {
        return new RunMetrics(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /**
     * Runs depot partitions side by side, {@code routeplan.partition-threads} at a time (2 unless set):
     * each solve keeps a core busy for its whole time budget.
     */
    @Bean
    TaskExecutor partitionExecutor(RouteplanProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.partitionThreads());
        executor.setMaxPoolSize(properties.partitionThreads());
        executor.setThreadNamePrefix("partition-");
        executor.initialize();
        return executor;
    }

    /** Progress goes to the console the command line registered, or else (the service) to the log. */
    @Bean
    ProgressPrinter progressPrinter(ObjectProvider<PrintStream> console) {
        PrintStream out = console.getIfAvailable();
        return out == null ? ProgressPrinter.toLog() : new ProgressPrinter(out);
    }

    @Bean
    DepotPartitionedSteps depotPartitionedSteps(JobRepository jobRepository, DepotPartitioner depotPartitioner,
                                                PartitionPlacement partitionPlacement, ProgressPrinter progress,
                                                RunLogContext runLogContext) {
        return new DepotPartitionedSteps(jobRepository, depotPartitioner, partitionPlacement, progress, runLogContext);
    }

    /**
     * Where optimise's and verify's depot partitions run ({@code routeplan.partitioning.mode}): the
     * partition threads, or the remote workers' queue, which exists only in remote mode.
     */
    @Bean
    PartitionPlacement partitionPlacement(PartitioningProperties partitioning, TaskExecutor partitionExecutor,
                                          RouteplanProperties properties, ObjectProvider<QueuePlacement> queue) {
        return switch (partitioning.mode()) {
            case LOCAL -> new ThreadPoolPlacement(partitionExecutor, properties.partitionThreads());
            case REMOTE -> queue.getObject();
        };
    }

    @Bean
    @StepScope
    DepotPartitioner depotPartitioner(FleetStore fleet, @Value("#{jobParameters['planDate']}") String planDate,
                                      @Value("#{jobParameters['depots']}") String depots) {
        return new DepotPartitioner(fleet, LocalDate.parse(planDate), PlanRunParameters.depots(depots));
    }
}
