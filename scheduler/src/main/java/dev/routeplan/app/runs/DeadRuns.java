package dev.routeplan.app.runs;

import dev.routeplan.app.audit.Audit;
import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import dev.routeplan.batch.job.PlanRunParameters;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Executions left STARTED by a process that died, found and recovered (marked FAILED, so they
 * restart) through Spring Batch's {@code JobOperator.recover}. An execution counts as dead only
 * when its date's lease says so: no lease, a lease of another execution, a lease whose heartbeat
 * is older than {@code routeplan.runs.stale-after}, or one of a process of this host that has
 * ended. A run another live node is running is never touched.
 */
@Service
public class DeadRuns {

    private static final Logger log = LoggerFactory.getLogger(DeadRuns.class);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final RunLeases leases;
    private final RunningJobs runningHere;
    private final RunsProperties properties;
    private final Audit audit;

    DeadRuns(JobRepository jobRepository, JobOperator jobOperator, RunLeases leases, RunningJobs runningHere,
             RunsProperties properties, Audit audit) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.leases = leases;
        this.runningHere = runningHere;
        this.properties = properties;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recoverAtStartUp() {
        if (properties.recoverOnStartUp()) {
            List<Long> recovered = recoverAll();
            if (!recovered.isEmpty()) {
                log.warn("recovered runs {} left STARTED by a process that died; they can be restarted", recovered);
            }
        }
    }

    /** Recovers every dead execution of the plan jobs; answers their ids. */
    public List<Long> recoverAll() {
        List<Long> recovered = new ArrayList<>();
        for (String job : List.of(NightlyPlanJobConfiguration.JOB_NAME, NightlyPlanJobConfiguration.INGEST_JOB_NAME,
                NightlyPlanJobConfiguration.REPUBLISH_JOB_NAME)) {
            for (JobExecution execution : jobRepository.findRunningJobExecutions(job)) {
                if (deadReason(execution).isPresent()) {
                    recover(execution, deadReason(execution).get());
                    recovered.add(execution.getId());
                }
            }
        }
        return recovered;
    }

    /**
     * Recovers one execution, if it is dead.
     *
     * @throws RunStillAlive when it is running, here or on a live node
     * @throws PlanRuns.PlanRunException when it is not running at all
     */
    public JobExecution recover(JobExecution execution) {
        if (!execution.isRunning()) {
            throw new PlanRuns.PlanRunException("run " + execution.getId() + " is " + execution.getStatus()
                    + "; only a run left STARTED by a dead process is recovered");
        }
        String reason = deadReason(execution).orElseThrow(() -> new RunStillAlive(execution.getId()));
        return recover(execution, reason);
    }

    private JobExecution recover(JobExecution execution, String reason) {
        JobExecution recovered = jobOperator.recover(execution);
        String date = execution.getJobParameters().getString(PlanRunParameters.PLAN_DATE);
        if (date != null) {
            leases.dropDead(LocalDate.parse(date), execution.getId());
        }
        audit.succeeded(AuditAction.RUN_RECOVER, "run " + execution.getId(), reason);
        return recovered;
    }

    /** Why the execution is dead, or empty while it may be alive. */
    Optional<String> deadReason(JobExecution execution) {
        if (runningHere.executions().stream().anyMatch(e -> e.getId() == execution.getId())) {
            return Optional.empty();
        }
        String date = execution.getJobParameters().getString(PlanRunParameters.PLAN_DATE);
        Optional<RunLease> lease = date == null ? Optional.empty() : leases.find(LocalDate.parse(date));
        if (lease.isEmpty()) {
            // every start takes the lease first, so none means the run's node let go of it, or never had one
            // (a run older than the leases); an execution updated lately may just be writing its end
            LocalDateTime updated = execution.getLastUpdated() != null ? execution.getLastUpdated() : execution.getCreateTime();
            boolean quiet = Duration.between(updated, LocalDateTime.now()).compareTo(properties.staleAfter()) > 0;
            return quiet ? Optional.of("no lease on its date and not updated for " + properties.staleAfter()) : Optional.empty();
        }
        RunLease held = lease.get();
        if (held.jobExecutionId() != null && held.jobExecutionId() != execution.getId()) {
            return Optional.of("its date's lease is held by run " + held.jobExecutionId());
        }
        if (held.jobExecutionId() == null) {
            // claimed for a start that has not begun: not this execution's
            return leases.alive(held) ? Optional.empty() : Optional.of("its date's lease is stale (node " + held.node() + ")");
        }
        return leases.alive(held) ? Optional.empty()
                : Optional.of("its lease's heartbeat stopped (node " + held.node() + ", last " + held.heartbeatAt() + ")");
    }
}
