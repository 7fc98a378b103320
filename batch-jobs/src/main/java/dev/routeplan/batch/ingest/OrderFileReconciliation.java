package dev.routeplan.batch.ingest;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.ingest.format.OrderFiles;
import dev.routeplan.batch.ingest.format.UnreadableFileException;
import dev.routeplan.batch.store.InputFile;
import dev.routeplan.batch.store.InputFileStore;
import dev.routeplan.batch.store.OrderReject;
import dev.routeplan.batch.store.OrderStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Guards one file's ingest: a fresh start clears what an abandoned attempt left of the file and
 * reads the whole file once to refuse it before any row is written if it cannot be taken in
 * (too large, not the format its name says, truncated, unsafe); the end checks that rows read =
 * accepted + rejected before marking the file ingested and giving the sender its rejects.
 */
public class OrderFileReconciliation implements StepExecutionListener {


    private final long fileId;
    private final InputFileStore files;
    private final OrderStore orders;
    private final RejectExport rejectExport;
    private final OrderFiles formats;

    /** The row number of a reject that stands for the whole file. */
    public static final int WHOLE_FILE = 0;

    public OrderFileReconciliation(long fileId, InputFileStore files, OrderStore orders, RejectExport rejectExport,
                                   OrderFiles formats) {
        this.fileId = fileId;
        this.files = files;
        this.orders = orders;
        this.rejectExport = rejectExport;
        this.formats = formats;
    }

    @Override
    public void beforeStep(StepExecution step) {
        boolean resuming = step.getExecutionContext().containsKey(OrderFileItemReader.ROWS_READ_KEY);
        if (resuming) {
            return;
        }
        orders.deleteFromFile(fileId);
        InputFile file = files.get(fileId);
        try {
            formats.inspect(fileId, file.fileName(), file.stagedPath());
        } catch (UnreadableFileException e) {
            // refused whole before any row is written: the sender must send it again, nothing is half taken in
            files.markRejected(fileId, e.reasonCode(), e.getMessage());
            orders.insertRejected(PlanRunParameters.from(step.getJobParameters()).planDate(), List.of(new OrderReject(
                    fileId, file.fileName(), WHOLE_FILE, null, List.of(e.reasonCode()), e.getMessage(), "", null)));
            step.getExecutionContext().putString(OrderFileItemReader.FILE_REJECTED_KEY, e.reasonCode());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() != BatchStatus.COMPLETED) {
            return step.getExitStatus();
        }
        if (step.getExecutionContext().containsKey(OrderFileItemReader.FILE_REJECTED_KEY)) {
            step.getExecutionContext().putString("summary", files.get(fileId).fileName() + " REJECTED whole: "
                    + orders.rejectsOf(fileId).get(0).message());
            return new ExitStatus("REJECTED");
        }
        long read = step.getExecutionContext().getLong(OrderFileItemReader.ROWS_READ_KEY, step.getReadCount());
        long accepted = orders.acceptedFrom(fileId);
        long rejected = orders.rejectedFrom(fileId);
        String fileName = files.get(fileId).fileName();
        if (read != accepted + rejected) {
            step.setStatus(BatchStatus.FAILED);
            step.addFailureException(new IllegalStateException(fileName + ": " + read + " rows read but " + accepted
                    + " accepted + " + rejected + " rejected; counts do not reconcile"));
            return ExitStatus.FAILED;
        }
        files.markIngested(fileId, read, accepted, rejected);
        PlanRunParameters run = PlanRunParameters.from(step.getJobParameters());
        try {
            rejectExport.export(run.planDate(), run.runOutputDir(), fileName, orders.rejectsOf(fileId));
        } catch (IOException e) {
            step.setStatus(BatchStatus.FAILED);
            step.addFailureException(new UncheckedIOException("cannot write the rejects of " + fileName, e));
            return ExitStatus.FAILED;
        }
        step.getExecutionContext().putString("summary", fileName + ": " + read + " rows read, " + accepted + " accepted, "
                + rejected + " rejected");
        return step.getExitStatus();
    }
}
