package dev.routeplan.batch.job;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds a step that runs a tasklet once per depot of the plan date: a manager step named
 * {@code name} hands one partition per depot ({@link DepotPartitioner}) to a worker step named
 * {@code name + "Depot"}, on this process's partition threads or on {@code routeplan worker}s
 * (the {@link PartitionPlacement}). The step names are what a restart looks up, so they must not
 * change. This is the one place that decides where partitions run.
 * <p>
 * It is also where a worker process finds the worker step a partition request names: every
 * worker step it built, by name ({@link StepLocator}).
 */
public class DepotPartitionedSteps implements StepLocator {

    private final JobRepository jobRepository;
    private final DepotPartitioner partitioner;
    private final PartitionPlacement placement;
    private final ProgressPrinter progress;
    private final RunLogContext runLogContext;
    private final Map<String, Step> workerSteps = new ConcurrentHashMap<>();

    public DepotPartitionedSteps(JobRepository jobRepository, DepotPartitioner partitioner, PartitionPlacement placement,
                                 ProgressPrinter progress, RunLogContext runLogContext) {
        this.runLogContext = runLogContext;
        this.jobRepository = jobRepository;
        this.partitioner = partitioner;
        this.placement = placement;
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
                .listener(new PartitionWorker())
                .listener((StepExecutionListener) progress)
                .build();
        workerSteps.put(workerName, worker);
        return placement.manager(name, jobRepository, partitioner, worker, List.of(runLogContext, progress));
    }

    /** The worker step of that name ({@code optimiseDepot}, {@code verifyDepot}), or null. */
    @Override
    public Step getStep(String stepName) {
        return workerSteps.get(stepName);
    }

    /** The names of the worker steps built so far. */
    public Set<String> workerStepNames() {
        return Set.copyOf(workerSteps.keySet());
    }
}
