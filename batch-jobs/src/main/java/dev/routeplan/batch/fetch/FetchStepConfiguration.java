package dev.routeplan.batch.fetch;

import dev.routeplan.batch.job.ProgressPrinter;
import dev.routeplan.batch.job.RunLogContext;
import dev.routeplan.batch.sftp.SftpEndpoint;
import dev.routeplan.batch.store.InputFileStore;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboxProperties.class)
public class FetchStepConfiguration {

    @Bean
    RemoteInbox remoteInbox(InboxProperties inbox, Environment environment) {
        if (!inbox.enabled()) {
            return RemoteInbox.none();
        }
        SftpEndpoint server = SftpEndpoint.bind(environment, "routeplan.sftp");
        LoggerFactory.getLogger(FetchStepConfiguration.class).info("SFTP inbox {}, {}", server, inbox);
        return new RemoteInbox(new SftpInbox(server, inbox));
    }

    @Bean
    Step fetchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, InputFileStore files,
                   RemoteInbox remoteInbox, ProgressPrinter progress, RunLogContext runLogContext) {
        return new StepBuilder("fetch", jobRepository)
                .tasklet(new InboxFetchTasklet(files, remoteInbox), transactionManager)
                .listener((StepExecutionListener) runLogContext)
                .listener((StepExecutionListener) progress)
                .build();
    }
}
