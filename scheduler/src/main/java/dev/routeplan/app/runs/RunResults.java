package dev.routeplan.app.runs;

import dev.routeplan.app.delivery.DeliverPlans;
import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.publish.RunSummary;
import dev.routeplan.batch.retry.ServerCallFailed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns a finished job execution into the {@link RunResult} the use cases return. */
@Component
class RunResults {

    private final JsonMapper json;
    private final DeliverPlans deliveries;

    RunResults(JsonMapper json, DeliverPlans deliveries) {
        this.json = json;
        this.deliveries = deliveries;
    }

    RunResult of(JobExecution execution) {
        PlanRunParameters run = PlanRunParameters.from(execution.getJobParameters());
        Duration took = execution.getStartTime() != null && execution.getEndTime() != null
                ? Duration.between(execution.getStartTime(), execution.getEndTime()) : Duration.ZERO;
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return new RunResult(run.planDate(), run.attempt(), execution.getStatus(), took, failure(execution), null, null);
        }
        if (!execution.getJobInstance().getJobName().equals(NightlyPlanJobConfiguration.JOB_NAME)) {
            return new RunResult(run.planDate(), run.attempt(), execution.getStatus(), took, null, null, ingested(execution));
        }
        Path dir = run.runOutputDir();
        RunResult.Planned planned = new RunResult.Planned(json.readValue(readSummary(dir), RunSummary.class), dir,
                outputs(dir), deliveries.current(run.planDate()));
        return new RunResult(run.planDate(), run.attempt(), execution.getStatus(), took, null, planned, null);
    }

    private static RunResult.Ingested ingested(JobExecution execution) {
        StepExecution ingest = execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingest"))
                .findFirst().orElseThrow();
        return new RunResult.Ingested(ingest.getReadCount(), Duration.between(ingest.getStartTime(), ingest.getEndTime()));
    }

    private static RunResult.Failure failure(JobExecution execution) {
        // a partition's failure says why; its manager's only that a partition failed
        Optional<StepExecution> failed = execution.getStepExecutions().stream()
                .filter(step -> step.getStatus() == BatchStatus.FAILED || step.getStatus() == BatchStatus.UNKNOWN)
                .filter(step -> !step.getFailureExceptions().isEmpty())
                .min(Comparator.comparing((StepExecution step) -> !step.getStepName().contains(":")));
        if (failed.isPresent()) {
            return new RunResult.Failure(failed.get().getStepName(), reason(failed.get().getFailureExceptions().get(0)));
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        return failures.isEmpty() ? null : new RunResult.Failure(null, reason(failures.get(0)));
    }

    /**
     * The root cause's message, but a server that failed and a lost database connection say so:
     * their root alone ("Broken pipe", "Connection refused", "HttpTimeoutException") would not tell
     * the operator what broke.
     */
    private static String reason(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ServerCallFailed server) {
                return server.getMessage();
            }
        }
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && lostConnection(sql)) {
                return "lost the connection to the database (" + sql.getMessage() + " " + rootMessage(t) + ")";
            }
        }
        return rootMessage(t);
    }

    /**
     * SQLSTATE class 08 (connection exception), or 57P01-03: the server shut down or is starting.
     * HikariCP's stand-in for a connection it has already found broken says "Connection is closed"
     * without a state; a rollback on it can be all that is left of the loss.
     */
    private static boolean lostConnection(SQLException sql) {
        String state = sql.getSQLState();
        return state == null ? "Connection is closed".equals(sql.getMessage())
                : state.startsWith("08") || state.startsWith("57P");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String readSummary(Path dir) {
        try {
            return Files.readString(dir.resolve("summary.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("run completed but " + dir.resolve("summary.json") + " cannot be read", e);
        }
    }

    /** The run-wide files and each depot's folder ({@code D1/plan-D1.xlsx}); not the kept revisions or the rejects. */
    private static List<String> outputs(Path dir) {
        try (var files = Files.walk(dir, 2)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith("rejects/") && !name.startsWith("revisions/"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
