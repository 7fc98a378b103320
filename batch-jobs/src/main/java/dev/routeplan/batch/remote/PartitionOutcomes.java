package dev.routeplan.batch.remote;

import dev.routeplan.batch.job.PartitionWorker;
import dev.routeplan.batch.job.ProgressPrinter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The manager's last word on its partitions, after its step ends: prints each partition's outcome
 * with the worker that ran it, and fails the partitions left unfinished.
 * <p>
 * Spring Batch 6.0's {@code MessageChannelPartitionHandler} gives up after its timeout with a
 * {@code TimeoutException} and leaves the partitions it waited for as they were: STARTED when
 * their worker died mid-solve, STARTING when no worker took the request. A restart then refuses
 * them ({@code SimpleStepExecutionSplitter}: "Cannot restart step from STARTED status"), so the
 * run could never finish. Here each is marked FAILED with why, and the restart runs exactly those
 * again, on any worker. A worker still alive that finishes one later cannot overwrite that: its
 * update carries the version it read, and the job repository refuses it.
 */
final class PartitionOutcomes implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionOutcomes.class);

    private final JobRepository jobRepository;
    private final String workerStepName;
    private final Duration timeout;
    private final ProgressPrinter progress;

    PartitionOutcomes(JobRepository jobRepository, String workerStepName, Duration timeout, ProgressPrinter progress) {
        this.jobRepository = jobRepository;
        this.workerStepName = workerStepName;
        this.timeout = timeout;
        this.progress = progress;
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        JobExecution job = jobRepository.getJobExecution(manager.getJobExecutionId());
        if (job == null) {
            return null;
        }
        List<StepExecution> partitions = job.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(workerStepName + ":"))
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .toList();
        List<String> failedHere = new ArrayList<>();
        for (StepExecution partition : partitions) {
            StepExecution outcome = partition;
            if (partition.getStatus().isRunning()) {
                if (fail(partition, reason(manager, partition))) {
                    failedHere.add(partition.getStepName());
                } else {
                    outcome = jobRepository.getStepExecution(partition.getId());
                }
            }
            progress.afterStep(outcome);
        }
        if (failedHere.isEmpty()) {
            return null;
        }
        String outcome = failedHere + (timedOut(manager)
                ? " gave no outcome within the partition timeout of " + readable(timeout)
                : " were unfinished when the step failed") + "; marked FAILED, a restart runs them again";
        // the run's failure names the partitions, not the poller's "Timed out waiting for task to return non-null result"
        manager.getFailureExceptions().replaceAll(e -> e instanceof TimeoutException ? new PartitionTimeout(outcome) : e);
        return new ExitStatus(ExitStatus.FAILED.getExitCode(), outcome);
    }

    /** The manager gave up waiting for partitions. */
    static final class PartitionTimeout extends RuntimeException {
        PartitionTimeout(String message) {
            super(message);
        }
    }

    static String readable(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private String reason(StepExecution manager, StepExecution partition) {
        String worker = PartitionWorker.of(partition);
        String who = partition.getStatus() == BatchStatus.STARTING || worker == null
                ? "no worker took it"
                : "its worker " + worker + " did not finish it (stopped or died)";
        if (timedOut(manager)) {
            return "no outcome within the partition timeout of " + readable(timeout) + ": " + who + "; marked FAILED by the manager";
        }
        return "the manager step failed before this partition finished (" + who + "); marked FAILED by the manager";
    }

    private static boolean timedOut(StepExecution manager) {
        return manager.getFailureExceptions().stream()
                .anyMatch(e -> e instanceof TimeoutException || e instanceof PartitionTimeout);
    }

    /** False when the partition ended meanwhile: its worker's update came first. */
    private boolean fail(StepExecution partition, String reason) {
        LocalDateTime now = LocalDateTime.now();
        if (partition.getStartTime() == null) {
            partition.setStartTime(now);
        }
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), reason));
        partition.setEndTime(now);
        try {
            jobRepository.update(partition);
        } catch (OptimisticLockingFailureException e) {
            log.info("partition {} ended while the manager gave up on it; its own outcome stands", partition.getStepName());
            return false;
        }
        log.warn("partition {} (execution {}): {}", partition.getStepName(), partition.getId(), reason);
        return true;
    }
}
