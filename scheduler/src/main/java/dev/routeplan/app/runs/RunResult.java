package dev.routeplan.app.runs;

import dev.routeplan.app.delivery.DeliveryResult;
import dev.routeplan.batch.publish.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.BatchStatus;

/**
 * How a run of a plan date ended, for whoever started it (command line, API, schedule). Exactly
 * one of {@code planned} and {@code ingested} is set when the run completed, neither when it did not.
 *
 * @param failure why a run that did not complete stopped, or null when it completed or nothing recorded why
 */
public record RunResult(LocalDate planDate, long attempt, BatchStatus status, Duration took, Failure failure,
                        Planned planned, Ingested ingested) {

    public boolean completed() {
        return status == BatchStatus.COMPLETED;
    }

    /** The first failure recorded; {@code step} is null when it was not a step that failed. */
    public record Failure(String step, String reason) {
    }

    /** What a completed planning run ({@code nightlyPlanJob}) published and where it went. */
    public record Planned(RunSummary summary, Path outputDir, List<String> outputs, DeliveryResult delivery) {

        public Planned {
            outputs = List.copyOf(outputs);
        }

        public long routesBlocked() {
            return summary.compliance().routesBlocked();
        }
    }

    /** What a completed ingest-only run ({@code ingestOrdersJob}) took in. */
    public record Ingested(long rowsRead, Duration took) {
    }
}
