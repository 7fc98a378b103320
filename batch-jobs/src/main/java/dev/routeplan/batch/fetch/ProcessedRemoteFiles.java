package dev.routeplan.batch.fetch;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.InputFile;
import dev.routeplan.batch.store.InputFileKind;
import dev.routeplan.batch.store.InputFileStore;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Once a file from the SFTP inbox is taken in (an order file ingested, the fleet, depot, permit
 * and GRAP files loaded), moves it to the remote processed folder, so the sender sees it was
 * taken. A failed move fails the step: a restart retries it, and the registry (by SHA-256)
 * keeps the file from being taken in twice meanwhile.
 */
public class ProcessedRemoteFiles implements StepExecutionListener {

    private final Function<LocalDate, List<InputFile>> taken;
    private final RemoteInbox inbox;

    private ProcessedRemoteFiles(Function<LocalDate, List<InputFile>> taken, RemoteInbox inbox) {
        this.taken = taken;
        this.inbox = inbox;
    }

    /** For the step that ingests the order file {@code fileId}. */
    public ProcessedRemoteFiles(long fileId, InputFileStore files, RemoteInbox inbox) {
        this(date -> List.of(files.get(fileId)), inbox);
    }

    /** For the step that loads the date's latest fleet, depot, permit and GRAP files. */
    public static ProcessedRemoteFiles referenceFiles(InputFileStore files, RemoteInbox inbox) {
        return new ProcessedRemoteFiles(date -> Arrays.stream(InputFileKind.values())
                .filter(kind -> kind != InputFileKind.ORDERS)
                .map(kind -> files.latest(date, kind))
                .flatMap(Optional::stream)
                .toList(), inbox);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() != BatchStatus.COMPLETED || inbox.sftp().isEmpty()) {
            return step.getExitStatus();
        }
        LocalDate planDate = PlanRunParameters.from(step.getJobParameters()).planDate();
        try {
            for (InputFile file : taken.apply(planDate)) {
                if (file.remoteName() != null) {
                    inbox.sftp().get().moveToProcessed(planDate, file.remoteName());
                }
            }
            return step.getExitStatus();
        } catch (SftpFetchException e) {
            step.setStatus(BatchStatus.FAILED);
            step.addFailureException(e);
            return ExitStatus.FAILED;
        }
    }
}
