package dev.routeplan.app.runs;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.stereotype.Service;

/** Plans a date: the date's next attempt of {@code nightlyPlanJob}, from its input folder to its published plans. */
@Service
public class RunPlanDate {

    private final PlanRuns runs;
    private final RunResults results;

    RunPlanDate(PlanRuns runs, RunResults results) {
        this.runs = runs;
        this.results = results;
    }

    /**
     * @param grapStage the GRAP stage fixed for the run (0 to 4), or null to follow the date's calendar
     * @throws RunFolders.Unusable when the input cannot be read or the output cannot be written
     */
    public RunResult run(LocalDate planDate, Path input, Path output, Integer grapStage, double solverSeconds)
            throws JobExecutionException {
        RunFolders.check(input, output);
        return results.of(runs.run(planDate, input, output, grapStage, solverSeconds));
    }
}
