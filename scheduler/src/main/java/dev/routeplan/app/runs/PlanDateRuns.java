package dev.routeplan.app.runs;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.stereotype.Service;

/**
 * The use cases of a plan date, as the command line, the API and the schedules call them: plan it,
 * take in its files only, or resume its failed run. Each checks what a person can get wrong before
 * a job starts and answers a {@link RunResult}.
 */
@Service
public class PlanDateRuns {

    private final PlanRuns runs;
    private final RunResults results;

    PlanDateRuns(PlanRuns runs, RunResults results) {
        this.runs = runs;
        this.results = results;
    }

    /**
     * Plans a date: its next attempt of {@code nightlyPlanJob}, from its input folder to its published plans.
     *
     * @param grapStage the GRAP stage fixed for the run (0 to 4), or null to follow the date's calendar
     * @throws RunFolders.Unusable when the input cannot be read or the output cannot be written
     */
    public RunResult run(LocalDate planDate, Path input, Path output, Integer grapStage, double solverSeconds)
            throws JobExecutionException {
        RunFolders.check(input, output);
        return results.of(runs.run(planDate, input, output, grapStage, solverSeconds));
    }

    /**
     * Takes in a date's files only (fetch, fleet, ingest) without planning: for backfills and to measure ingest alone.
     *
     * @throws RunFolders.Unusable when the input cannot be read or the output cannot be written
     */
    public RunResult ingest(LocalDate planDate, Path input, Path output) throws JobExecutionException {
        RunFolders.check(input, output);
        return results.of(runs.ingest(planDate, input, output));
    }

    /**
     * Resumes a date's failed run (planning or ingest-only) from its failed step, with the parameters it started with.
     *
     * @param recoverCrashed first mark a run whose process died (still STARTED) as failed; only the
     *                       operator can know it is dead
     * @throws PlanRuns.PlanRunException when the date has no run, or its latest run is not one to restart
     */
    public RunResult restart(LocalDate planDate, boolean recoverCrashed) throws JobExecutionException {
        return results.of(runs.restart(planDate, recoverCrashed));
    }
}
