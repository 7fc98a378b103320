package dev.routeplan.batch.fetch;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.InputFile;
import dev.routeplan.batch.store.InputFileStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Once a file from the SFTP inbox is ingested, moves it to the remote processed folder, so the
 * sender sees it was taken. A failed move fails the file's step: a restart retries it, and the
 * registry (by SHA-256) keeps the file from being ingested twice meanwhile.
 */
public class ProcessedRemoteFiles implements StepExecutionListener {

    private final long fileId;
    private final InputFileStore files;
    private final RemoteInbox inbox;

    public ProcessedRemoteFiles(long fileId, InputFileStore files, RemoteInbox inbox) {
        this.fileId = fileId;
        this.files = files;
        this.inbox = inbox;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        InputFile file = files.get(fileId);
        if (step.getStatus() != BatchStatus.COMPLETED || file.remoteName() == null || inbox.sftp().isEmpty()) {
            return step.getExitStatus();
        }
        try {
            inbox.sftp().get().moveToProcessed(PlanRunParameters.from(step.getJobParameters()).planDate(), file.remoteName());
            return step.getExitStatus();
        } catch (SftpFetchException e) {
            step.setStatus(BatchStatus.FAILED);
            step.addFailureException(e);
            return ExitStatus.FAILED;
        }
    }
}
