package dev.routeplan.batch.fleet;

import dev.routeplan.batch.fetch.ProcessedRemoteFiles;
import dev.routeplan.batch.fetch.RemoteInbox;
import dev.routeplan.batch.ingest.IngestProperties;
import dev.routeplan.batch.ingest.ServiceArea;
import dev.routeplan.batch.ingest.format.InputTables;
import dev.routeplan.batch.job.ProgressPrinter;
import dev.routeplan.batch.job.RunLogContext;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.InputFileStore;
import dev.routeplan.planning.compliance.pack.VehicleEligibility;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class FleetStepConfiguration {

    @Bean
    Step fleetStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, InputFileStore files,
                   FleetStore fleet, VehicleEligibility eligibility, ConditionsStore conditions,
                   RemoteInbox remoteInbox, ProgressPrinter progress, RunLogContext runLogContext, IngestProperties ingest) {
        return new StepBuilder("fleet", jobRepository)
                .tasklet(new FleetLoadTasklet(files, fleet, eligibility, conditions,
                        new InputTables(ingest.maxFileBytes()), ServiceArea.fromWkt(ingest.serviceAreaWkt())), transactionManager)
                // after-step listeners run last-registered first: move the remote files, then print the summary
                .listener((StepExecutionListener) runLogContext)
                .listener((StepExecutionListener) progress)
                .listener(ProcessedRemoteFiles.referenceFiles(files, remoteInbox))
                .build();
    }
}
