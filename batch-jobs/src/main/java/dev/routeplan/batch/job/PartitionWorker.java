package dev.routeplan.batch.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Which process ran a partition: {@code pid@host} (a pod's host name is the pod's), kept in the
 * partition's execution context under {@link #KEY} as it starts, so the job repository shows where
 * each depot was solved, locally or on a {@code routeplan worker}.
 */
public final class PartitionWorker implements StepExecutionListener {

    public static final String KEY = "worker";

    /** This process. */
    public static final String THIS_PROCESS = ProcessHandle.current().pid() + "@" + hostName();

    @Override
    public void beforeStep(StepExecution partition) {
        // flushed with the context before the tasklet runs (TaskletStep saves it before its first chunk)
        partition.getExecutionContext().putString(KEY, THIS_PROCESS);
    }

    /** The worker recorded in a partition, or null when it never started. */
    public static String of(StepExecution partition) {
        return partition.getExecutionContext().containsKey(KEY) ? partition.getExecutionContext().getString(KEY) : null;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
