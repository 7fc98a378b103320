package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;

import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.planning.sample.ScenarioGenerator;
import dev.routeplan.planning.sample.ScenarioSpec;
import dev.routeplan.planning.sample.ScenarioWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

@PlanJobTest
@TestPropertySource(properties = "routeplan.chunk-size=500")
class IngestRestartTests {

    static final int ROWS = 5000;

    @Autowired
    PlanRuns runs;
    @Autowired
    JdbcClient jdbc;
    // The real store, whose fourth chunk write fails as a lost connection would: the only stand-in here.
    @MockitoSpyBean
    OrderStore orderStore;
    @TempDir
    Path temp;

    @Test
    void restartAfterAWriterFailureResumesAtTheLastCommittedChunk() throws Exception {
        // given a file whose fourth chunk (rows 1501-2000) cannot be written
        LocalDate date = LocalDate.of(2026, 12, 20);
        Path input = temp.resolve("in");
        ScenarioWriter.write(ScenarioGenerator.generate(new ScenarioSpec(11, ROWS, 3, 30)), input);
        doCallRealMethod().doCallRealMethod().doCallRealMethod()
                .doThrow(new IllegalStateException("connection lost while writing orders"))
                .doCallRealMethod().when(orderStore).write(any(), any());
        JobExecution failed = runs.ingest(date, input, temp.resolve("out"));
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(count("orders", date) + count("order_rejects", date)).isEqualTo(1500);

        // when
        JobExecution restarted = runs.restart(date);

        // then every row is taken in exactly once
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).filteredOn(s -> s.getStepName().startsWith("ingestFile:"))
                .singleElement().satisfies(s -> assertThat(s.getReadCount()).isEqualTo(ROWS - 1500));
        assertThat(count("orders", date) + count("order_rejects", date)).isEqualTo(ROWS);
        List<Integer> rows = jdbc.sql("""
                select row_number from orders where plan_date = ?
                union all select row_number from order_rejects where plan_date = ? order by 1""")
                .params(date, date).query(Integer.class).list();
        assertThat(rows).doesNotHaveDuplicates().hasSize(ROWS).first().isEqualTo(2);
        assertThat(rows.get(ROWS - 1)).isEqualTo(ROWS + 1);
    }

    private long count(String table, LocalDate date) {
        return jdbc.sql("select count(*) from " + table + " where plan_date = ?").param(date).query(Long.class).single();
    }
}
