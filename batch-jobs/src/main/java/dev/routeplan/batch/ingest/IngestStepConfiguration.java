package dev.routeplan.batch.ingest;

import dev.routeplan.batch.fetch.ProcessedRemoteFiles;
import dev.routeplan.batch.fetch.RemoteInbox;
import dev.routeplan.batch.ingest.format.OrderFileSettings;
import dev.routeplan.batch.ingest.format.OrderFiles;
import dev.routeplan.batch.job.ProgressPrinter;
import dev.routeplan.batch.job.RunLogContext;
import dev.routeplan.batch.job.RouteplanProperties;
import dev.routeplan.batch.store.OutputFiles;
import dev.routeplan.batch.store.ArtifactStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.InputFile;
import dev.routeplan.batch.store.InputFileStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.planning.domain.Vehicle;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** Ingest: one partition per orders file; each reads, validates and writes rows in chunks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
public class IngestStepConfiguration {

    /**
     * Files are ingested one after another: an order id in a later file replaces the earlier one,
     * and two files written at once could both take the same id for new.
     */
    @Bean
    Step ingestStep(JobRepository jobRepository, Step ingestFileStep, OrderFilePartitioner orderFilePartitioner,
                    ProgressPrinter progress, RunLogContext runLogContext) {
        return new StepBuilder("ingest", jobRepository)
                .partitioner("ingestFile", orderFilePartitioner)
                .step(ingestFileStep)
                .taskExecutor(new SyncTaskExecutor())
                .listener((StepExecutionListener) runLogContext)
                .listener((StepExecutionListener) progress)
                .build();
    }

    @Bean
    Step ingestFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        OrderFileItemReader orderFileReader, OrderRowValidator orderRowValidator,
                        IngestOutcomeWriter ingestOutcomeWriter, OrderFileReconciliation orderFileReconciliation,
                        ProcessedRemoteFiles processedRemoteFiles,
                        RouteplanProperties properties, ProgressPrinter progress, RunLogContext runLogContext) {
        return new StepBuilder("ingestFile", jobRepository)
                .<OrderRow, IngestOutcome>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(orderFileReader)
                .processor(orderRowValidator)
                .writer(ingestOutcomeWriter)
                // after-step listeners run last-registered first: reconcile the counts, then move the
                // remote file to processed, then print the summary
                .listener((StepExecutionListener) runLogContext)
                .listener((StepListener) progress)
                .listener(processedRemoteFiles)
                .listener(orderFileReconciliation)
                .build();
    }

    @Bean
    @StepScope
    OrderFilePartitioner orderFilePartitioner(InputFileStore files, @Value("#{jobParameters['planDate']}") String planDate) {
        return new OrderFilePartitioner(files, LocalDate.parse(planDate));
    }

    @Bean
    @StepScope
    OrderFileItemReader orderFileReader(InputFileStore files, OrderFiles orderFiles,
                                        @Value("#{stepExecutionContext['fileId']}") Long fileId) {
        InputFile file = files.get(fileId);
        return new OrderFileItemReader(orderFiles, file.id(), file.fileName(), file.stagedPath());
    }

    /** How order files are read: by the ingest, and by an erasure finding a customer's rows in them. */
    @Bean
    OrderFileSettings orderFileSettings(IngestProperties ingest) {
        return new OrderFileSettings(ingest.maxFileBytes(), ingest.headerAliases(), ingest.xlsxSheet());
    }

    @Bean
    OrderFiles orderFiles(OrderFileSettings settings) {
        return new OrderFiles(settings);
    }

    @Bean
    @StepScope
    OrderRowValidator orderRowValidator(FleetStore fleet, OrderStore orders, IngestProperties ingest,
                                        @Value("#{jobParameters['planDate']}") String planDate) {
        LocalDate date = LocalDate.parse(planDate);
        Map<String, OrderRowValidator.DepotCapacity> depots = new HashMap<>();
        for (String depotId : fleet.depotIds(date)) {
            List<Vehicle> eligible = fleet.eligibleVehicles(date, depotId);
            double maxKg = eligible.stream().mapToDouble(Vehicle::capacityKg).max().orElse(0);
            double maxM3 = eligible.stream().mapToDouble(Vehicle::capacityM3).max().orElse(0);
            depots.put(depotId, new OrderRowValidator.DepotCapacity(maxKg, maxM3));
        }
        return new OrderRowValidator(date, ServiceArea.fromWkt(ingest.serviceAreaWkt()), PincodeRanges.parse(ingest.pincodes()),
                depots, orders.fileOfEachOrder(date));
    }

    @Bean
    @StepScope
    IngestOutcomeWriter ingestOutcomeWriter(OrderStore orders, @Value("#{jobParameters['planDate']}") String planDate) {
        return new IngestOutcomeWriter(LocalDate.parse(planDate), orders);
    }

    @Bean
    @StepScope
    ProcessedRemoteFiles processedRemoteFiles(InputFileStore files, RemoteInbox remoteInbox,
                                              @Value("#{stepExecutionContext['fileId']}") Long fileId) {
        return new ProcessedRemoteFiles(fileId, files, remoteInbox);
    }

    @Bean
    @StepScope
    OrderFileReconciliation orderFileReconciliation(InputFileStore files, OrderStore orders, ArtifactStore artifacts,
                                                    OrderFiles orderFiles,
                                                    @Value("#{stepExecutionContext['fileId']}") Long fileId) {
        return new OrderFileReconciliation(fileId, files, orders, new RejectExport(new OutputFiles(artifacts)), orderFiles);
    }
}
