package dev.routeplan.batch.job;

import java.util.List;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.TaskExecutor;

/** Partitions on this process's partition threads, {@code gridSize} at a time: the embedded default. */
public record ThreadPoolPlacement(TaskExecutor partitionExecutor, int gridSize) implements PartitionPlacement {

    @Override
    public Step manager(String name, JobRepository jobRepository, Partitioner partitioner, Step worker,
                        List<StepExecutionListener> listeners) {
        PartitionStepBuilder manager = new StepBuilder(name, jobRepository)
                .partitioner(worker.getName(), partitioner)
                .step(worker)
                .taskExecutor(partitionExecutor)
                .gridSize(gridSize);
        listeners.forEach(manager::listener);
        return manager.build();
    }
}
