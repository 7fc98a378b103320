package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import dev.routeplan.planning.solver.RouteSolver;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A solve runs for minutes: the optimise step must not hold a database transaction or a pooled connection meanwhile. */
@PlanJobTest
class OptimiseConnectionTests {

    @Autowired
    DataSource dataSource;
    // The real solver, observed as it starts: the only stand-in here.
    @MockitoSpyBean
    RouteSolver solver;

    @Test
    void solvesWithoutATransactionOrConnectionHeld(SampleDay sampleDay) throws Exception {
        // given a solver that notes, as each solve starts, whether its thread holds a transaction's connection
        List<Boolean> connectionHeld = new CopyOnWriteArrayList<>();
        doAnswer(call -> {
            connectionHeld.add(TransactionSynchronizationManager.hasResource(dataSource));
            return call.callRealMethod();
        }).when(solver).solve(any(), any(), any());

        // when
        var run = sampleDay.run(LocalDate.of(2026, 12, 11), 0, 1);

        // then one solve per depot, none of them inside a database transaction
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(connectionHeld).containsExactly(false, false, false);
    }
}
