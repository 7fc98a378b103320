package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A night planned on OSRM's road times (a {@link StandInOsrm} on loopback) while OSRM is down or
 * slower than the read timeout: the run fails at optimise after retrying, naming the server and
 * what went wrong, the failure is counted, and the restart once OSRM answers again completes.
 */
@PlanJobTest
class OsrmOutageRunTests {

    static final StandInOsrm OSRM = StandInOsrm.start();

    @DynamicPropertySource
    static void osrm(DynamicPropertyRegistry registry) {
        registry.add("routeplan.travel.provider", () -> "osrm");
        registry.add("routeplan.travel.osrm.base-url", OSRM::baseUrl);
        registry.add("routeplan.travel.osrm.timeout", () -> "1s");
        registry.add("routeplan.travel.osrm.connect-timeout", () -> "1s");
        registry.add("routeplan.travel.osrm.max-attempts", () -> "2");
        registry.add("routeplan.travel.osrm.initial-backoff", () -> "10ms");
    }

    @AfterAll
    static void stopOsrm() {
        OSRM.stop();
    }

    @Autowired
    PlanDateRuns planDates;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRunWithOsrmDownFailsAtOptimiseNamingTheServerAndItsRestartCompletesOnceOsrmIsBack(SampleDay sampleDay)
            throws Exception {
        // given OSRM is down
        LocalDate date = LocalDate.of(2026, 12, 26);
        double failedOptimises = failedOptimises();
        double failedRuns = failedRuns();
        OSRM.stop();
        RunResult failed;
        try {
            // when
            failed = planDates.run(date, sampleDay.input(), sampleDay.output(), 0, 1);
        } finally {
            OSRM.startAgain();
        }

        // then a depot's optimisation fails saying which OSRM refused, after retrying; the failure is counted
        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.failure().step()).startsWith("optimiseDepot:depot-D");
        assertThat(failed.failure().reason()).startsWith("OSRM at " + OSRM.baseUrl() + " could not be asked for a table of ")
                .endsWith(" points: connection refused (after 2 attempts)");
        assertThat(failedOptimises()).isEqualTo(failedOptimises + 1);
        assertThat(failedRuns()).isEqualTo(failedRuns + 1);
        int asked = OSRM.tableSizes().size();

        // when OSRM is back and the operator restarts the run
        RunResult restarted = planDates.restart(date, false);

        // then it completes on OSRM's times, asking a table of each depot's points, not one leg at a time
        assertThat(restarted.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.planned().outputs()).contains("routes.csv", "D1/plan-D1.xlsx", "D2/plan-D2.xlsx", "D3/plan-D3.xlsx");
        assertThat(restarted.planned().summary().totalKm()).isPositive();
        List<Integer> tables = OSRM.tableSizes().subList(asked, OSRM.tableSizes().size());
        assertThat(tables).as("the tables asked of OSRM, by number of points").hasSizeBetween(3, 6).allMatch(points -> points > 2);
    }

    @Test
    void aRunWithOsrmAnsweringLaterThanTheReadTimeoutFailsAtOptimiseSayingSoInsteadOfWaiting(SampleDay sampleDay)
            throws Exception {
        // given OSRM answers only after 5 s, the read timeout being 1 s
        LocalDate date = LocalDate.of(2026, 12, 27);
        double failedOptimises = failedOptimises();
        OSRM.answerAfter(Duration.ofSeconds(5));
        RunResult failed;
        try {
            // when
            failed = planDates.run(date, sampleDay.input(), sampleDay.output(), 0, 1);
        } finally {
            OSRM.answerAfter(Duration.ZERO);
        }

        // then
        assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.failure().step()).startsWith("optimiseDepot:depot-D");
        assertThat(failed.failure().reason()).startsWith("OSRM at " + OSRM.baseUrl() + " could not be asked for a table of ")
                .endsWith(" points: no answer within 1000ms (after 2 attempts)");
        assertThat(failedOptimises()).isEqualTo(failedOptimises + 1);
        // two tries of a second each and a pause, not OSRM's 5 s per try
        assertThat(failed.took()).isLessThan(Duration.ofSeconds(30));
    }

    private double failedOptimises() {
        return MeterCounts.count(meters, "spring.batch.step", "spring.batch.step.name", "optimise",
                "spring.batch.step.status", "FAILED");
    }

    private double failedRuns() {
        return MeterCounts.count(meters, "routeplan.run.duration", "job", "nightlyPlanJob", "status", "FAILED");
    }
}
