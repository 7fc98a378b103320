package dev.routeplan.app.runs;

import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Marks a run UNKNOWN as FAILED, so that it restarts. Spring Batch leaves a run UNKNOWN when it
 * could not save how a step ended, typically because the database went away mid-step, and its
 * own recovery refuses such a run. Every step of the nightly job commits its writes in the same
 * transaction as its progress, or rewrites its date's rows from scratch, so what the repository
 * holds is a state the step can resume from; the ingest's reconciliation checks it again at the
 * end (rows read = accepted + rejected). The operator asks for this with {@code --recover}.
 */
final class UnknownRunRecovery {

    static final String RECOVERED = "marked FAILED from UNKNOWN by restart --recover";

    private UnknownRunRecovery() {
    }

    static JobExecution markFailed(JobRepository repository, JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(RECOVERED));
                if (step.getEndTime() == null) {
                    step.setEndTime(now);
                }
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(RECOVERED));
        if (execution.getEndTime() == null) {
            execution.setEndTime(now);
        }
        repository.update(execution);
        return execution;
    }
}
