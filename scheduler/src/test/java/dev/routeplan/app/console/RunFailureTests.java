package dev.routeplan.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.runs.RunViews;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Why a run did not complete, as the run's page says it: in words, the failed partition named. */
class RunFailureTests {

    private static final String MANAGER = "org.springframework.batch.core.job.JobExecutionException: Partition handler returned an unsuccessful step";

    @Test
    void namesTheOrdersFileOfAFailedFilePartitionAndDropsTheExceptionNames() {
        RunViews.RunDetail run = run("FAILED", step("ingest", "FAILED", MANAGER,
                step("ingestFile:file-7", "COMPLETED", null), step("ingestFile:file-9", "FAILED",
                        "java.lang.IllegalStateException: org.postgresql.util.PSQLException: ERROR: value too long for type character varying(200)")));

        RunFailure failure = RunFailure.of(run, Map.of(7L, "orders-south.csv", 9L, "orders-north.csv")).orElseThrow();

        assertThat(failure.sentence()).isEqualTo("Step ingest failed in partition file-9 (orders file orders-north.csv): "
                + "ERROR: value too long for type character varying(200).");
    }

    @Test
    void saysSoWhenTheFailedPartitionRecordedNoReasonRatherThanTheManagersNonReason() {
        RunViews.RunDetail run = run("FAILED", step("optimise", "FAILED", MANAGER, step("optimiseDepot:depot-D3", "FAILED", "")));

        assertThat(RunFailure.of(run, Map.of()).orElseThrow().sentence())
                .isEqualTo("Step optimise failed in partition depot-D3: the partition recorded no reason (the service's log has it).");
    }

    @Test
    void aStepWithoutPartitionsAndAStoppedRunAndACompletedOne() {
        assertThat(RunFailure.of(run("FAILED", step("fleet", "FAILED", "java.lang.IllegalArgumentException: fleet.csv row 4: gvw_kg is not a number")),
                Map.of()).orElseThrow().sentence()).isEqualTo("Step fleet failed: fleet.csv row 4: gvw_kg is not a number.");
        assertThat(RunFailure.of(run("STOPPED", step("fetch", "COMPLETED", null), step("optimise", "STOPPED", null)), Map.of())
                .orElseThrow().sentence()).isEqualTo("Step optimise stopped.");
        assertThat(RunFailure.of(run("COMPLETED", step("fetch", "COMPLETED", null)), Map.of())).isEmpty();
    }

    private static RunViews.RunDetail run(String status, RunViews.Step... steps) {
        return new RunViews.RunDetail(1, "nightlyPlanJob", LocalDate.of(2026, 12, 1), 1L, status, status, null, null, null, null,
                new RunViews.Parameters(null, null, List.of()), List.of(steps));
    }

    private static RunViews.Step step(String name, String status, String message, RunViews.Step... partitions) {
        return new RunViews.Step(1, name, status, 0, 0, 0, 0, 0, null, null, null, status, message, List.of(partitions));
    }
}
