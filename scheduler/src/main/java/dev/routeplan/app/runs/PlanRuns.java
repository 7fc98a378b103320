package dev.routeplan.app.runs;

import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import dev.routeplan.batch.job.PlanRunParameters;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
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
 * continues the date's latest failed attempt from its failed step.
 */
@Service
public class PlanRuns {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyPlanJob;
    private final Job ingestOrdersJob;

    public PlanRuns(JobOperator jobOperator, JobRepository jobRepository, Job nightlyPlanJob, Job ingestOrdersJob) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyPlanJob = nightlyPlanJob;
        this.ingestOrdersJob = ingestOrdersJob;
    }

    /** @param grapStage the GRAP stage fixed for the run, or null to follow the date's calendar ({@code grap.csv}) */
    public JobExecution run(LocalDate planDate, Path inputDir, Path outputDir, Integer grapStage, double solverSeconds)
            throws JobExecutionException {
        return start(nightlyPlanJob, planDate, inputDir, outputDir, grapStage, solverSeconds);
    }

    /** Takes in the date's files only (fetch, fleet, ingest), without planning. */
    public JobExecution ingest(LocalDate planDate, Path inputDir, Path outputDir) throws JobExecutionException {
        return start(ingestOrdersJob, planDate, inputDir, outputDir, null, 1);
    }

    private JobExecution start(Job job, LocalDate planDate, Path inputDir, Path outputDir, Integer grapStage,
                               double solverSeconds)
            throws JobExecutionException {
        long attempt = latestExecution(job.getName(), planDate)
                .map(e -> PlanRunParameters.from(e.getJobParameters()).attempt() + 1).orElse(1L);
        PlanRunParameters parameters = new PlanRunParameters(planDate, attempt, inputDir, outputDir, grapStage, solverSeconds);
        return jobOperator.start(job, parameters.toJobParameters());
    }

    public JobExecution restart(LocalDate planDate) throws JobExecutionException {
        return restart(planDate, false);
    }

    /**
     * Restarts the date's latest failed run. A run whose process was killed still reads STARTED in
     * the job repository; with {@code recoverCrashed} the operator, who knows it is dead, has it
     * marked FAILED first. Only the operator can know: in a cluster another node may be running it.
     */
    public JobExecution restart(LocalDate planDate, boolean recoverCrashed) throws JobExecutionException {
        JobExecution last = Stream.of(NightlyPlanJobConfiguration.JOB_NAME, NightlyPlanJobConfiguration.INGEST_JOB_NAME)
                .map(job -> latestExecution(job, planDate)).flatMap(Optional::stream)
                .max(Comparator.comparing(JobExecution::getCreateTime))
                .orElseThrow(() -> new PlanRunException("no run of " + planDate + " to restart"));
        if (last.isRunning() && recoverCrashed) {
            last = jobOperator.recover(last);
        } else if (last.isRunning()) {
            throw new PlanRunException("the latest run of " + planDate + " is " + last.getStatus()
                    + "; if its process died, restart it with --recover");
        }
        if (last.getStatus() != BatchStatus.FAILED && last.getStatus() != BatchStatus.STOPPED) {
            throw new PlanRunException("the latest run of " + planDate + " is " + last.getStatus() + "; only a FAILED or STOPPED run restarts");
        }
        return jobOperator.restart(last);
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
