package dev.routeplan.batch.job;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Prints each step's progress to the console as the run goes, so an operator at a terminal sees
 * items and partitions move; chunk lines are throttled to one every two seconds. Without a
 * console (the service) the same lines go to the log at INFO, where they carry the run's context
 * ({@link RunLogContext}) and stay one JSON object a line.
 */
public class ProgressPrinter implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final long CHUNK_LINE_INTERVAL_MILLIS = 2000;

    private static final Logger log = LoggerFactory.getLogger(ProgressPrinter.class);

    private final Sink out;
    private final AtomicLong lastChunkLine = new AtomicLong();

    public ProgressPrinter(PrintStream console) {
        this.out = console::printf;
    }

    private ProgressPrinter(Sink out) {
        this.out = out;
    }

    /** Progress as log lines, for a process without a console. */
    public static ProgressPrinter toLog() {
        return new ProgressPrinter((format, args) -> {
            if (log.isInfoEnabled()) {
                log.info(String.format(format, args).strip());
            }
        });
    }

    @FunctionalInterface
    private interface Sink {
        void printf(String format, Object... args);
    }

    @Override
    public void beforeStep(StepExecution step) {
        if (!step.getStepName().contains(":")) {
            out.printf("> %s started%n", step.getStepName());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        String summary = step.getExecutionContext().containsKey("summary")
                ? step.getExecutionContext().getString("summary")
                : failureOrCounts(step);
        String worker = PartitionWorker.of(step);
        // a partition another process ran (a remote worker) says which, as the manager prints it
        String where = worker == null || worker.equals(PartitionWorker.THIS_PROCESS) ? "" : " on " + worker;
        out.printf("  %s %s%s: %s%n", step.getStepName(), step.getStatus(), where, summary);
        return step.getExitStatus();
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        long now = System.currentTimeMillis();
        long last = lastChunkLine.get();
        if (now - last >= CHUNK_LINE_INTERVAL_MILLIS && lastChunkLine.compareAndSet(last, now)) {
            var context = StepSynchronizationManager.getContext();
            if (context != null) {
                StepExecution step = context.getStepExecution();
                out.printf("  %s: %s%n", step.getStepName(), itemCounts(step));
            }
        }
    }

    /** A failed step's reason (the first line of its exit description: a refusal, a timeout, an exception), else its counts. */
    private static String failureOrCounts(StepExecution step) {
        String description = step.getExitStatus().getExitDescription();
        if (step.getStatus() == BatchStatus.FAILED && description != null && !description.isBlank()) {
            return description.strip().lines().findFirst().orElse(description);
        }
        return itemCounts(step);
    }

    private static String itemCounts(StepExecution step) {
        return String.format("%d read, %d written, %d skipped", step.getReadCount(), step.getWriteCount(),
                step.getSkipCount());
    }
}
