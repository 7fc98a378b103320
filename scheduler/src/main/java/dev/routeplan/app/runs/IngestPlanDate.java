package dev.routeplan.app.runs;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.stereotype.Service;

/** Takes in a date's files only (fetch, fleet, ingest) without planning: for backfills and to measure ingest alone. */
@Service
public class IngestPlanDate {

    private final PlanRuns runs;
    private final RunResults results;

    IngestPlanDate(PlanRuns runs, RunResults results) {
        this.runs = runs;
        this.results = results;
    }

    /** @throws RunFolders.Unusable when the input cannot be read or the output cannot be written */
    public RunResult ingest(LocalDate planDate, Path input, Path output) throws JobExecutionException {
        RunFolders.check(input, output);
        return results.of(runs.ingest(planDate, input, output));
    }
}
