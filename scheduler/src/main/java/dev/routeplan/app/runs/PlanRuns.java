package dev.routeplan.app.runs;

import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import dev.routeplan.batch.job.PlanRunParameters;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Starts and restarts {@code nightlyPlanJob} for a plan date. A new run of a date is the next
 * attempt (a new job instance, whose steps replace the date's earlier results); a restart
 * continues the date's latest failed attempt from its failed step. Every start and restart first
 * takes the date's lease ({@link RunLeases}): a date a live node is running is refused with
 * {@link RunAlreadyRunning}. {@link Launch#WAIT} returns when the job has ended (the command
 * line); {@link Launch#BACKGROUND} as soon as its execution exists (the API, the schedule).
 */
@Service
public class PlanRuns {

    /** Whether a start returns when the job has ended or as soon as it has begun. */
    public enum Launch { WAIT, BACKGROUND }

    private final JobOperator jobOperator;
    private final BackgroundJobOperator background;
    private final JobRepository jobRepository;
    private final RunLeases leases;
    private final Job nightlyPlanJob;
    private final Job ingestOrdersJob;
    private final Job republishPlanJob;

    PlanRuns(JobOperator jobOperator, BackgroundJobOperator background, JobRepository jobRepository, RunLeases leases,
             Job nightlyPlanJob, Job ingestOrdersJob, Job republishPlanJob) {
        this.jobOperator = jobOperator;
        this.background = background;
        this.jobRepository = jobRepository;
        this.leases = leases;
        this.nightlyPlanJob = nightlyPlanJob;
        this.ingestOrdersJob = ingestOrdersJob;
        this.republishPlanJob = republishPlanJob;
    }

    /** @param grapStage the GRAP stage fixed for the run, or null to follow the date's calendar ({@code grap.csv}) */
    public JobExecution run(LocalDate planDate, Path inputDir, Path outputDir, Integer grapStage, double solverSeconds)
            throws JobExecutionException {
        return run(planDate, inputDir, outputDir, grapStage, solverSeconds, List.of(), Launch.WAIT);
    }

    /** @param depots the depots to plan, or empty for all; the others keep their stored plan */
    public JobExecution run(LocalDate planDate, Path inputDir, Path outputDir, Integer grapStage, double solverSeconds,
                            List<String> depots, Launch launch) throws JobExecutionException {
        return start(nightlyPlanJob, planDate, inputDir, outputDir, grapStage, solverSeconds, depots, launch,
                nightlyPlanJob, republishPlanJob);
    }

    /** Takes in the date's files only (fetch, fleet, ingest), without planning. */
    public JobExecution ingest(LocalDate planDate, Path inputDir, Path outputDir) throws JobExecutionException {
        return start(ingestOrdersJob, planDate, inputDir, outputDir, null, 1, List.of(), Launch.WAIT, ingestOrdersJob);
    }

    /**
     * Publishes the date's stored plan again into the folders of its latest run, and delivers what
     * changed (publish and deliver only); a date never planned is refused. It counts as the date's
     * next attempt, as a re-run would: a revision names the attempt that published it.
     */
    public JobExecution republish(LocalDate planDate) throws JobExecutionException {
        PlanRunParameters planned = latestExecution(nightlyPlanJob.getName(), planDate)
                .map(e -> PlanRunParameters.from(e.getJobParameters()))
                .orElseThrow(() -> new PlanRunException("no plan of " + planDate + " to publish again"));
        return start(republishPlanJob, planDate, planned.inputDir(), planned.outputDir(), planned.grapStage(),
                planned.solverSeconds(), List.of(), Launch.WAIT, nightlyPlanJob, republishPlanJob);
    }

    /** @param attemptsOf the jobs whose attempts of the date this one follows */
    private JobExecution start(Job job, LocalDate planDate, Path inputDir, Path outputDir, Integer grapStage,
                               double solverSeconds, List<String> depots, Launch launch, Job... attemptsOf)
            throws JobExecutionException {
        JobOperator operator = operator(launch);
        leases.acquire(planDate);
        try {
            long attempt = 1 + Stream.of(attemptsOf).map(counted -> latestExecution(counted.getName(), planDate))
                    .flatMap(Optional::stream).mapToLong(e -> PlanRunParameters.from(e.getJobParameters()).attempt())
                    .max().orElse(0);
            PlanRunParameters parameters = new PlanRunParameters(planDate, attempt, inputDir, outputDir, grapStage,
                    solverSeconds, depots);
            return operator.start(job, parameters.toJobParameters());
        } catch (JobExecutionException | RuntimeException e) {
            leases.release(planDate, null);
            throw e;
        }
    }

    public JobExecution restart(LocalDate planDate) throws JobExecutionException {
        return restart(planDate, false);
    }

    /**
     * Restarts the date's latest failed run. A run whose process was killed still reads STARTED in
     * the job repository; with {@code recoverCrashed} it is marked FAILED first, provided its
     * lease shows its node dead (stale, or a process of this host that has ended): in a cluster
     * another node may be running it. So is a run left UNKNOWN ({@link UnknownRunRecovery}).
     */
    public JobExecution restart(LocalDate planDate, boolean recoverCrashed) throws JobExecutionException {
        JobExecution last = Stream.of(NightlyPlanJobConfiguration.JOB_NAME, NightlyPlanJobConfiguration.INGEST_JOB_NAME)
                .map(job -> latestExecution(job, planDate)).flatMap(Optional::stream)
                .max(Comparator.comparing(JobExecution::getCreateTime))
                .orElseThrow(() -> new PlanRunException("no run of " + planDate + " to restart"));
        return restart(last, "the latest run of " + planDate, recoverCrashed, Launch.WAIT);
    }

    /**
     * Restarts a FAILED or STOPPED execution from its failed step, under its date's lease.
     *
     * @throws PlanRunException when it is not one to restart, or is a later attempt's predecessor
     */
    public JobExecution restart(JobExecution last, boolean recoverCrashed, Launch launch) throws JobExecutionException {
        LocalDate planDate = PlanRunParameters.from(last.getJobParameters()).planDate();
        return restart(last, "run " + last.getId() + " of " + planDate, recoverCrashed, launch);
    }

    /** @param named the run as the operator's message names it */
    private JobExecution restart(JobExecution last, String named, boolean recoverCrashed, Launch launch)
            throws JobExecutionException {
        JobOperator operator = operator(launch);
        LocalDate planDate = PlanRunParameters.from(last.getJobParameters()).planDate();
        leases.acquire(planDate);
        try {
            if (last.isRunning() && recoverCrashed) {
                // the lease was free or dead, so nobody runs it
                last = jobOperator.recover(last);
            } else if (last.isRunning()) {
                throw new PlanRunException(named + " is " + last.getStatus()
                        + "; if its process died, restart it with --recover");
            }
            if (last.getStatus() == BatchStatus.UNKNOWN && recoverCrashed) {
                last = UnknownRunRecovery.markFailed(jobRepository, last);
            } else if (last.getStatus() == BatchStatus.UNKNOWN) {
                throw new PlanRunException(named + " is UNKNOWN: how a step ended could not be saved (was the database"
                        + " away?); once the database answers, restart it with --recover");
            }
            if (last.getStatus() != BatchStatus.FAILED && last.getStatus() != BatchStatus.STOPPED) {
                throw new PlanRunException(named + " is " + last.getStatus() + "; only a FAILED or STOPPED run restarts");
            }
            return operator.restart(last);
        } catch (JobExecutionException | RuntimeException e) {
            leases.release(planDate, null);
            throw e;
        }
    }

    private JobOperator operator(Launch launch) {
        if (launch == Launch.WAIT) {
            return jobOperator;
        }
        if (background.busy()) {
            throw new PlanRunException("every run thread of this node is busy; try again when a run has ended");
        }
        return background.operator();
    }

    /** The last execution of the date's latest attempt of the job, if the date was ever run. */
    public Optional<JobExecution> latestExecution(String jobName, LocalDate planDate) {
        return jobRepository.findJobInstances(jobName).stream()
                .map(jobRepository::getLastJobExecution)
                .filter(e -> e != null && planDate.toString().equals(e.getJobParameters().getString(PlanRunParameters.PLAN_DATE)))
                .max(Comparator.comparingLong((JobExecution e) -> PlanRunParameters.from(e.getJobParameters()).attempt()));
    }

    /** Why a run could not be started or restarted, in words for the operator. */
    public static class PlanRunException extends RuntimeException {
        public PlanRunException(String message) {
            super(message);
        }
    }

}
