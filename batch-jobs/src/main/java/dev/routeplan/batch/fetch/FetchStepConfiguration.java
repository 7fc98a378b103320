package dev.routeplan.batch.fetch;

import dev.routeplan.batch.job.ProgressPrinter;
import dev.routeplan.batch.store.InputFileStore;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class FetchStepConfiguration {

    @Bean
    Step fetchStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, InputFileStore files,
                   ProgressPrinter progress) {
        return new StepBuilder("fetch", jobRepository)
                .tasklet(new InboxFetchTasklet(files), transactionManager)
                .listener((StepExecutionListener) progress)
                .build();
    }
}
