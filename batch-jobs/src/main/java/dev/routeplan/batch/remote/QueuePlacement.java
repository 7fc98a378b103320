package dev.routeplan.batch.remote;

import dev.routeplan.batch.job.PartitionPlacement;
import dev.routeplan.batch.job.ProgressPrinter;
import java.util.List;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.messaging.MessageChannel;

/**
 * Partitions as requests on RabbitMQ, run by {@code routeplan worker}s: Spring Batch's remote
 * partitioning manager, which sends one {@code StepExecutionRequest} per partition on
 * {@code requests} (to the durable queue, see {@link RemotePartitioningConfiguration}) and then
 * reads the partitions' outcomes from the job repository every {@code poll-interval}, with no
 * reply channel: a manager that restarts finds the outcomes of the partitions that completed
 * while it was away where the workers wrote them. After {@code timeout},
 * {@link PartitionOutcomes} fails the partitions still unfinished.
 */
public class QueuePlacement implements PartitionPlacement {

    private final MessageChannel requests;
    private final PartitioningProperties properties;
    private final ProgressPrinter progress;

    public QueuePlacement(MessageChannel requests, PartitioningProperties properties, ProgressPrinter progress) {
        this.requests = requests;
        this.properties = properties;
        this.progress = progress;
    }

    @Override
    public Step manager(String name, JobRepository jobRepository, Partitioner partitioner, Step worker,
                        List<StepExecutionListener> listeners) {
        RemotePartitioningManagerStepBuilder manager = new RemotePartitioningManagerStepBuilder(name, jobRepository);
        manager.partitioner(worker.getName(), partitioner);
        manager.outputChannel(requests)
                .pollInterval(properties.pollInterval().toMillis())
                .timeout(properties.timeout().toMillis());
        listeners.forEach(manager::listener);
        // last, so that its afterStep runs first: the partitions are settled before the step's line is printed
        manager.listener(new PartitionOutcomes(jobRepository, worker.getName(), properties.timeout(), progress));
        return manager.build();
    }
}
