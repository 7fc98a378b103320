package dev.routeplan.app.runs;

import dev.routeplan.app.audit.Audit;
import dev.routeplan.app.audit.AuditAction;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * What an operator does to runs through the service: start a date in the background, restart,
 * stop, abandon, recover. Runs read from and publish to the service's folders. Each action is put
 * on the audit log, refusals included.
 */
@Service
public class RunOperations {

    /** The solver's budget per depot when a start names none, as the command line's default. */
    public static final double DEFAULT_SOLVER_SECONDS = 10;

    private final PlanRuns runs;
    private final DeadRuns deadRuns;
    private final RunningJobs runningHere;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final ServiceFolders folders;
    private final Audit audit;

    RunOperations(PlanRuns runs, DeadRuns deadRuns, RunningJobs runningHere, JobOperator jobOperator,
                  JobRepository jobRepository, ServiceFolders folders, Audit audit) {
        this.runs = runs;
        this.deadRuns = deadRuns;
        this.runningHere = runningHere;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.folders = folders;
        this.audit = audit;
    }

    /** What to plan: a date, optionally a GRAP stage, a subset of depots and the solver's budget per depot. */
    public record StartRequest(LocalDate planDate, Integer grapStage, List<String> depots, Double solverSeconds) {

        public StartRequest {
            depots = depots == null ? List.of() : List.copyOf(depots);
        }

        double solverBudget() {
            return solverSeconds == null ? DEFAULT_SOLVER_SECONDS : solverSeconds;
        }

        @Override
        public String toString() {
            return "planDate=" + planDate + (grapStage == null ? "" : ", grapStage=" + grapStage)
                    + (depots.isEmpty() ? "" : ", depots=" + String.join(",", depots)) + ", solverSeconds=" + solverBudget();
        }
    }

    /**
     * Starts the date's next attempt in the background; returns once its execution exists.
     *
     * @throws RunAlreadyRunning when the date is being run
     */
    public JobExecution start(StartRequest request) throws JobExecutionException {
        String target = "plan-date " + request.planDate();
        try {
            RunFolders.check(folders.input(), folders.output());
            JobExecution execution = runs.run(request.planDate(), folders.input(), folders.output(), request.grapStage(),
                    request.solverBudget(), request.depots(), PlanRuns.Launch.BACKGROUND);
            audit.succeeded(AuditAction.RUN_START, target, "run " + execution.getId() + ": " + request);
            return execution;
        } catch (PlanRuns.PlanRunException | RunFolders.Unusable e) {
            audit.refused(AuditAction.RUN_START, target, e.getMessage());
            throw e;
        } catch (JobExecutionException | RuntimeException e) {
            audit.failed(AuditAction.RUN_START, target, e.getMessage());
            throw e;
        }
    }

    /**
     * Restarts a FAILED or STOPPED run in the background, from its failed step.
     *
     * @throws NoSuchRun when there is no such run
     * @throws PlanRuns.PlanRunException when it is in another state, or its date is being run
     */
    public JobExecution restart(long id) throws JobExecutionException {
        JobExecution execution = execution(id);
        String target = "run " + id;
        try {
            JobExecution restarted = runs.restart(execution, false, PlanRuns.Launch.BACKGROUND);
            audit.succeeded(AuditAction.RUN_RESTART, target, "as run " + restarted.getId());
            return restarted;
        } catch (PlanRuns.PlanRunException e) {
            audit.refused(AuditAction.RUN_RESTART, target, e.getMessage());
            throw e;
        } catch (JobExecutionException | RuntimeException e) {
            audit.failed(AuditAction.RUN_RESTART, target, e.getMessage());
            throw e;
        }
    }

    /**
     * Asks a running run to stop: a chunk step stops at its next chunk boundary, a tasklet step
     * when its work is done; the run ends STOPPED and can be restarted.
     */
    public JobExecution stop(long id) {
        JobExecution execution = execution(id);
        // the job thread's own execution, when it runs here, sees the request at once; another
        // node's job sees it in the repository at its next update
        JobExecution live = runningHere.executions().stream().filter(e -> e.getId() == id).findFirst().orElse(execution);
        try {
            runningHere.requestStop(live);
            audit.succeeded(AuditAction.RUN_STOP, "run " + id, null);
            return live;
        } catch (JobExecutionNotRunningException e) {
            String reason = "run " + id + " is " + execution.getStatus() + "; only a running run stops";
            audit.refused(AuditAction.RUN_STOP, "run " + id, reason);
            throw new PlanRuns.PlanRunException(reason);
        }
    }

    /** Marks a STOPPED run ABANDONED: it will not be restarted; the date's next run is a new attempt. */
    public JobExecution abandon(long id) {
        JobExecution execution = execution(id);
        if (execution.getStatus() != BatchStatus.STOPPED) {
            String reason = "run " + id + " is " + execution.getStatus() + "; only a STOPPED run is abandoned";
            audit.refused(AuditAction.RUN_ABANDON, "run " + id, reason);
            throw new PlanRuns.PlanRunException(reason);
        }
        try {
            JobExecution abandoned = jobOperator.abandon(execution);
            audit.succeeded(AuditAction.RUN_ABANDON, "run " + id, null);
            return abandoned;
        } catch (JobExecutionException e) {
            audit.refused(AuditAction.RUN_ABANDON, "run " + id, e.getMessage());
            throw new PlanRuns.PlanRunException(e.getMessage());
        }
    }

    /**
     * Marks a run left STARTED by a dead process FAILED, so it can be restarted.
     *
     * @throws RunStillAlive when its node is alive
     */
    public JobExecution recover(long id) {
        JobExecution execution = execution(id);
        try {
            return deadRuns.recover(execution);
        } catch (PlanRuns.PlanRunException e) {
            audit.refused(AuditAction.RUN_RECOVER, "run " + id, e.getMessage());
            throw e;
        }
    }

    private JobExecution execution(long id) {
        return RunQueries.find(jobRepository, id).orElseThrow(() -> new NoSuchRun(id));
    }

    /** No run has the id. */
    public static class NoSuchRun extends RuntimeException {
        public NoSuchRun(long id) {
            super("no run " + id);
        }
    }
}
