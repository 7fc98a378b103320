package dev.routeplan.batch.job;

import java.util.List;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;

/**
 * Where the partitions of a depot-partitioned step run: on this process's partition threads
 * ({@link ThreadPoolPlacement}) or on {@code routeplan worker}s over RabbitMQ
 * ({@code dev.routeplan.batch.remote.QueuePlacement}). {@code routeplan.partitioning.mode} chooses.
 */
public interface PartitionPlacement {

    /**
     * The manager step {@code name}, which splits the work with {@code partitioner} and has each
     * partition run by {@code worker}, here or in a worker process that has a step of the same name;
     * {@code listeners} listen to the manager step, registered in that order.
     */
    Step manager(String name, JobRepository jobRepository, Partitioner partitioner, Step worker,
                 List<StepExecutionListener> listeners);
}
