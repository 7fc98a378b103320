package dev.routeplan.batch.job;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds a step that runs a tasklet once per depot of the plan date: a manager step named
 * {@code name} hands one partition per depot ({@link DepotPartitioner}) to a worker step named
 * {@code name + "Depot"} on the partition threads. The step names are what a restart looks up, so
 * they must not change. This is the one place that decides where partitions run.
 */
public class DepotPartitionedSteps {

    private final JobRepository jobRepository;
    private final DepotPartitioner partitioner;
    private final TaskExecutor partitionExecutor;
    private final int gridSize;
    private final ProgressPrinter progress;
    private final RunLogContext runLogContext;

    public DepotPartitionedSteps(JobRepository jobRepository, DepotPartitioner partitioner, TaskExecutor partitionExecutor,
                                 int gridSize, ProgressPrinter progress, RunLogContext runLogContext) {
        this.runLogContext = runLogContext;
        this.jobRepository = jobRepository;
        this.partitioner = partitioner;
        this.partitionExecutor = partitionExecutor;
        this.gridSize = gridSize;
        this.progress = progress;
    }

    /**
     * @param perDepot     runs once for each depot; the depot id is {@link DepotPartitioner#DEPOT_ID} in
     *                     its step execution context
     * @param transactions wraps each call of the tasklet; a tasklet that manages its own transactions
     *                     passes a resourceless one
     */
    public Step step(String name, Tasklet perDepot, PlatformTransactionManager transactions) {
        String workerName = name + "Depot";
        Step worker = new StepBuilder(workerName, jobRepository)
                .tasklet(perDepot, transactions)
                .listener((StepExecutionListener) runLogContext)
                .listener((StepExecutionListener) progress)
                .build();
        return new StepBuilder(name, jobRepository)
                .partitioner(workerName, partitioner)
                .step(worker)
                .taskExecutor(partitionExecutor)
                .gridSize(gridSize)
                .listener((StepExecutionListener) runLogContext)
                .listener((StepExecutionListener) progress)
                .build();
    }
}
