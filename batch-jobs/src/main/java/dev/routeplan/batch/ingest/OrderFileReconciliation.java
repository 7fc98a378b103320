package dev.routeplan.batch.ingest;

import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.InputFileStore;
import dev.routeplan.batch.store.OrderStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Guards one file's ingest: a fresh start clears what an abandoned attempt left of the file,
 * and the end checks that rows read = accepted + rejected before marking the file ingested.
 */
public class OrderFileReconciliation implements StepExecutionListener {


    private final long fileId;
    private final InputFileStore files;
    private final OrderStore orders;
    private final RejectExport rejectExport;

    public OrderFileReconciliation(long fileId, InputFileStore files, OrderStore orders, RejectExport rejectExport) {
        this.fileId = fileId;
        this.files = files;
        this.orders = orders;
        this.rejectExport = rejectExport;
    }

    @Override
    public void beforeStep(StepExecution step) {
        boolean resuming = step.getExecutionContext().containsKey(OrderCsvItemReader.ROWS_READ_KEY);
        if (!resuming) {
            orders.deleteFromFile(fileId);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() != BatchStatus.COMPLETED) {
            return step.getExitStatus();
        }
        long read = step.getExecutionContext().getLong(OrderCsvItemReader.ROWS_READ_KEY, step.getReadCount());
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
