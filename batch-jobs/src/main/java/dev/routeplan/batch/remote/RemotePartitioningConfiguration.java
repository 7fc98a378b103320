package dev.routeplan.batch.remote;

import dev.routeplan.batch.job.DepotPartitionedSteps;
import dev.routeplan.batch.job.PartitionWorker;
import dev.routeplan.batch.job.ProgressPrinter;
import dev.routeplan.planning.compliance.pack.RulePack;
import javax.sql.DataSource;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageChannel;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remote partitioning over RabbitMQ ({@code spring.rabbitmq.*}, Spring Boot's connection): the
 * queues, the manager's way out ({@code routeplan.partitioning.mode=remote}) and the worker's way
 * in ({@code routeplan worker}). Nothing here exists in local mode, so the embedded default needs
 * no RabbitMQ.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${routeplan.partitioning.mode:local}'.equalsIgnoreCase('remote') or ${routeplan.partitioning.worker:false}")
public class RemotePartitioningConfiguration {

    /** Headers of a request that travel with it; the rest of Spring Integration's stay in the manager. */
    private static final String ROUTEPLAN_HEADERS = "routeplan_*";

    /**
     * The requests: durable, so requests sent while no worker runs wait for one (and survive a
     * broker restart); what a worker rejects goes through the dead-letter exchange.
     */
    @Bean
    Queue partitionRequestQueue(PartitioningProperties properties) {
        return QueueBuilder.durable(properties.requests())
                .deadLetterExchange(properties.deadLetterExchange())
                .deadLetterRoutingKey(properties.deadLetters())
                .build();
    }

    @Bean
    DirectExchange partitionDeadLetterExchange(PartitioningProperties properties) {
        return new DirectExchange(properties.deadLetterExchange(), true, false);
    }

    @Bean
    Queue partitionDeadLetterQueue(PartitioningProperties properties) {
        return QueueBuilder.durable(properties.deadLetters()).build();
    }

    @Bean
    Binding partitionDeadLetterBinding(Queue partitionDeadLetterQueue, DirectExchange partitionDeadLetterExchange,
                                       PartitioningProperties properties) {
        return BindingBuilder.bind(partitionDeadLetterQueue).to(partitionDeadLetterExchange).with(properties.deadLetters());
    }

    /** The manager: the optimise and verify steps' partitions go out as requests. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "routeplan.partitioning.mode", havingValue = "remote")
    static class Manager {

        @Bean
        MessageChannel partitionRequests() {
            return new DirectChannel();
        }

        @Bean
        QueuePlacement queuePlacement(MessageChannel partitionRequests, PartitioningProperties properties,
                                      ProgressPrinter progress) {
            return new QueuePlacement(partitionRequests, properties, progress);
        }

        /**
         * Each request as JSON to the requests queue, persistent, stamped with the manager's rule
         * pack so that a worker with another pack refuses it. A broker that cannot be reached fails
         * the step there and then (and its partitions with it, see {@link PartitionOutcomes}).
         */
        @Bean
        IntegrationFlow partitionRequestsToRabbit(MessageChannel partitionRequests, ConnectionFactory connectionFactory,
                                                  JsonMapper json, RulePack rulePack, PartitioningProperties properties) {
            RabbitTemplate template = new RabbitTemplate(connectionFactory);
            template.setMessageConverter(new PartitionRequestMessages(json));
            return IntegrationFlow.from(partitionRequests)
                    .enrichHeaders(headers -> headers
                            .header(PartitionRequests.RULE_PACK_SHA256, rulePack.sha256())
                            .header(PartitionRequests.RULE_PACK, rulePack.id() + " " + rulePack.version()))
                    .handle(Amqp.outboundAdapter(template)
                            .routingKey(properties.requests())
                            .defaultDeliveryMode(MessageDeliveryMode.PERSISTENT)
                            .mappedRequestHeaders(ROUTEPLAN_HEADERS))
                    .get();
        }
    }

    /** A worker ({@code routeplan worker}): consumes the requests and runs their partitions here. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "routeplan.partitioning.worker", havingValue = "true")
    static class Worker {

        @Bean
        PartitionRequests partitionRequestRunner(JobRepository jobRepository, DepotPartitionedSteps depotSteps,
                                                 RulePack rulePack) {
            return new PartitionRequests(jobRepository, depotSteps, depotSteps.workerStepNames(), rulePack);
        }

        /**
         * One request at a time per consumer ({@code prefetch 1}), so requests spread over the
         * workers instead of queueing behind a busy one; acknowledged when its partition has ended,
         * so a worker killed mid-partition leaves its request to be redelivered (and refused, see
         * {@link PartitionRequests}) rather than lost unseen. A request that fails before its step
         * runs is rejected without requeue: dead-lettered, never retried in a loop. Started and
         * stopped by the inbound adapter, not on its own.
         */
        @Bean
        SimpleMessageListenerContainer partitionRequestListener(ConnectionFactory connectionFactory,
                                                                PartitioningProperties properties) {
            SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
            container.setQueueNames(properties.requests());
            container.setConcurrentConsumers(properties.consumers());
            container.setPrefetchCount(1);
            container.setAcknowledgeMode(AcknowledgeMode.AUTO);
            container.setDefaultRequeueRejected(false);
            container.setShutdownTimeout(properties.shutdownWait().toMillis());
            container.setAutoStartup(false);
            return container;
        }

        @Bean
        IntegrationFlow partitionRequestsFromRabbit(SimpleMessageListenerContainer partitionRequestListener, JsonMapper json,
                                                    PartitionRequests partitionRequestRunner) {
            return IntegrationFlow.from(Amqp.inboundAdapter(partitionRequestListener)
                            .messageConverter(new PartitionRequestMessages(json))
                            .mappedRequestHeaders(ROUTEPLAN_HEADERS))
                    .handle(partitionRequestRunner, "run")
                    .get();
        }

        @Bean
        WorkerProbes workerProbes(SimpleMessageListenerContainer partitionRequestListener, DataSource dataSource,
                                  PartitioningProperties properties, DepotPartitionedSteps depotSteps, RulePack rulePack) {
            String announcement = String.format("worker %s takes partitions of %s from queue %s, %d at once, rule pack %s %s "
                            + "(sha256 %s)", PartitionWorker.THIS_PROCESS, depotSteps.workerStepNames(), properties.requests(),
                    properties.consumers(), rulePack.id(), rulePack.version(), rulePack.sha256());
            return new WorkerProbes(partitionRequestListener, dataSource, announcement, properties.workerPort());
        }
    }
}
