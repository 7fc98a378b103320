package dev.routeplan.app.runs;

import java.time.LocalDate;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.stereotype.Service;

/** Resumes a date's failed run (planning or ingest-only) from its failed step, with the parameters it started with. */
@Service
public class RestartPlanDate {

    private final PlanRuns runs;
    private final RunResults results;

    RestartPlanDate(PlanRuns runs, RunResults results) {
        this.runs = runs;
        this.results = results;
    }

    /**
     * @param recoverCrashed first mark a run whose process died (still STARTED) as failed; only the
     *                       operator can know it is dead
     * @throws PlanRuns.PlanRunException when the date has no run, or its latest run is not one to restart
     */
    public RunResult restart(LocalDate planDate, boolean recoverCrashed) throws JobExecutionException {
        return results.of(runs.restart(planDate, recoverCrashed));
    }
}
