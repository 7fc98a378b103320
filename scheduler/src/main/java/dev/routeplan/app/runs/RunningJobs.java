package dev.routeplan.app.runs;

import dev.routeplan.batch.job.PlanRunParameters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The jobs this process is running, whoever started them (command line, API, schedule): each
 * holds its date's lease from its first step to its end, the lease's heartbeat is kept here, and
 * when the application closes (SIGTERM) each is stopped and waited for, so none is left STARTED.
 * A chunk step stops at its next chunk boundary; a tasklet step (optimise, verify, publish,
 * deliver) finishes its work and the job stops before its next step.
 */
@Component
public class RunningJobs implements JobExecutionListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);

    private final RunLeases leases;
    private final JobRepository jobRepository;
    private final RunsProperties properties;
    private final Map<Long, JobExecution> running = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService heartbeat;

    RunningJobs(RunLeases leases, JobRepository jobRepository, RunsProperties properties, List<Job> jobs) {
        this.leases = leases;
        this.jobRepository = jobRepository;
        this.properties = properties;
        for (Job job : jobs) {
            if (job instanceof AbstractJob listened) {
                listened.registerJobExecutionListener(this);
            }
        }
    }

    /**
     * Puts the execution on its date's lease. A start that did not go through {@link PlanRuns}
     * claims the date here; if a live node holds it the job fails before its first step.
     */
    @Override
    public void beforeJob(JobExecution execution) {
        LocalDate date = planDate(execution);
        if (date == null) {
            return;
        }
        if (!leases.attach(date, execution.getId())) {
            leases.acquire(date);
            leases.attach(date, execution.getId());
        }
        running.put(execution.getId(), execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (running.remove(execution.getId()) != null) {
            leases.release(planDate(execution), execution.getId());
        }
    }

    /** The executions running in this process now. */
    public List<JobExecution> executions() {
        return List.copyOf(running.values());
    }

    private static LocalDate planDate(JobExecution execution) {
        String date = execution.getJobParameters().getString(PlanRunParameters.PLAN_DATE);
        return date == null ? null : LocalDate.parse(date);
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "run-lease-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeat().toMillis();
        executor.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        heartbeat = executor;
    }

    private void beat() {
        try {
            leases.heartbeat();
        } catch (RuntimeException e) {
            // a missed beat is not fatal: the lease goes stale only after several
            log.warn("could not refresh the run leases: {}", e.getMessage());
        }
    }

    /**
     * Asks a running job to stop: its execution is marked STOPPING in the repository, which the job
     * thread checks between steps and a chunk step at its next chunk. Not {@code JobOperator.stop}:
     * Spring Batch 6's also writes the running step executions, racing the partition threads that
     * update the same rows (an optimistic-lock failure that left a run hanging in CI).
     *
     * @param execution the job thread's own execution when the run is on this node, else one read from the repository
     */
    public void requestStop(JobExecution execution) throws JobExecutionNotRunningException {
        if (!execution.isRunning()) {
            throw new JobExecutionNotRunningException("run " + execution.getId() + " is " + execution.getStatus());
        }
        execution.setStatus(BatchStatus.STOPPING);
        jobRepository.update(execution);
    }

    /** Stops the running jobs and waits for them (bounded), keeping their leases alive meanwhile. */
    @Override
    public void stop() {
        for (JobExecution execution : executions()) {
            try {
                log.warn("stopping run {} ({}) for shutdown", execution.getId(), execution.getJobInstance().getJobName());
                requestStop(execution);
            } catch (JobExecutionNotRunningException e) {
                // it ended meanwhile
            } catch (RuntimeException e) {
                log.error("could not stop run {}: {}", execution.getId(), e.getMessage());
            }
        }
        long deadline = System.nanoTime() + properties.shutdownWait().toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!running.isEmpty()) {
            log.error("runs {} did not stop within {}; a node will recover them once their lease is stale",
                    running.keySet(), properties.shutdownWait());
        }
        ScheduledExecutorService executor = heartbeat;
        heartbeat = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeat != null;
    }

    /** Stops before the web server and the executors, so runs are stopped while everything they use still works. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    Duration shutdownWait() {
        return properties.shutdownWait();
    }
}
