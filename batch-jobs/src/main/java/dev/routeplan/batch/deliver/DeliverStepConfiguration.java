package dev.routeplan.batch.deliver;

import dev.routeplan.batch.job.ProgressPrinter;
import dev.routeplan.batch.job.RunLogContext;
import dev.routeplan.batch.job.RunMetrics;
import dev.routeplan.batch.sftp.SftpEndpoint;
import dev.routeplan.batch.store.DeliveryStore;
import dev.routeplan.batch.store.PlanRevisionStore;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OutboxProperties.class, ComplianceMailProperties.class})
public class DeliverStepConfiguration {

    @Bean
    PlanDelivery planDelivery(PlanRevisionStore revisions, DeliveryStore deliveries, OutboxProperties outbox,
                              ComplianceMailProperties mail, ObjectProvider<JavaMailSender> mailSender,
                              Environment environment, RunMetrics runMetrics) {
        Optional<SftpOutbox> sftp = Optional.empty();
        if (outbox.enabled()) {
            SftpEndpoint server = SftpEndpoint.bind(environment, "routeplan.outbox");
            LoggerFactory.getLogger(DeliverStepConfiguration.class).info("SFTP outbox {}, {}", server, outbox);
            sftp = Optional.of(new SftpOutbox(server, outbox.remoteDir(), outbox.runRemoteDir()));
        }
        Optional<ComplianceMail> mailer = Optional.empty();
        if (mail.enabled()) {
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("routeplan.mail.enabled is set but no mail server is: set spring.mail.host");
            }
            mailer = Optional.of(new ComplianceMail(sender, mail));
        }
        return new PlanDelivery(revisions, deliveries, sftp, mailer, runMetrics);
    }

    @Bean
    Step deliverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, PlanDelivery delivery,
                     ProgressPrinter progress, RunLogContext runLogContext) {
        return new StepBuilder("deliver", jobRepository)
                .tasklet(new DeliverTasklet(delivery), transactionManager)
                .listener((StepExecutionListener) runLogContext)
                .listener((StepExecutionListener) progress)
                .build();
    }
}
