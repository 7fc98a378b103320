package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import dev.routeplan.batch.store.PlanStore;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

@PlanJobTest
class RestartAfterOptimiseFailureTests {

    @Autowired
    PlanRuns runs;
    @Autowired
    JdbcClient jdbc;
    // A real store whose first write fails, as a database outage would: the only stand-in here.
    @MockitoSpyBean
    PlanStore planStore;

    @Test
    void restartResumesAtTheFailedDepotAndDuplicatesNothing(SampleDay sampleDay) throws Exception {
        // given a run whose first depot write in the optimise step fails
        LocalDate date = LocalDate.of(2026, 12, 10);
        doThrow(new IllegalStateException("connection reset while writing routes")).doCallRealMethod()
                .when(planStore).replace(any(), any());
        JobExecution failed = sampleDay.run(date, 0, 1);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        List<String> failedPartitions = failed.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED && s.getStepName().startsWith("optimiseDepot:"))
                .map(StepExecution::getStepName).toList();
        assertThat(failedPartitions).hasSize(1);
        long orders = jdbc.sql("select count(*) from orders where plan_date = ?").param(date).query(Long.class).single();

        // when
        JobExecution restarted = runs.restart(date);

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> rerun = restarted.getStepExecutions().stream().map(StepExecution::getStepName).toList();
        assertThat(rerun).doesNotContain("fetch", "fleet", "ingest").contains("optimise", "verify", "publish");
        assertThat(rerun.stream().filter(name -> name.startsWith("optimiseDepot:"))).containsExactlyElementsOf(failedPartitions);
        assertThat(jdbc.sql("select count(*) from orders where plan_date = ?").param(date).query(Long.class).single())
                .isEqualTo(orders);
        PlanAssertions.everyAcceptedOrderIsRoutedOrUnassignedOnce(jdbc, date, sampleDay.outputs(date));
        assertThat(jdbc.sql("select count(*) from artifacts where plan_date = ?").param(date).query(Long.class).single())
                .as("a workbook, manifests and route map per depot, 6 run files (vehicles-set-aside.csv among them), "
                        + "the compliance report and evidence, the sample file's rejects as CSV and XLSX")
                .isEqualTo(3 * 3 + 6 + 2 + 2);
    }
}
