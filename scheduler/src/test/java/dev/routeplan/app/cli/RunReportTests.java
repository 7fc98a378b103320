package dev.routeplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.delivery.DeliveryResult;
import dev.routeplan.app.runs.RunResult;
import dev.routeplan.batch.publish.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

/**
 * What the operator reads after a run against the hand plan: the demo's situation, where the
 * optimised plan serves 120 orders more than the hand plan and so drives more km in all. The
 * headline compares per served order; the total km difference follows, labelled secondary.
 */
class RunReportTests {

    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 1);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void headlinesOrdersServedAndCostAndKmPerServedOrderOfBothPlans() {
        // 300 orders for INR 243,720 on 630 km against the hand plan's 180 for INR 178,200 on 450 km
        RunSummary.Efficiency servesMore = new RunSummary.Efficiency(180, 300, 990.0, 812.4, 17.94, 2.5, 2.1, 16.0, 450.0,
                630.0, 180.0, false);

        List<String> lines = report(servesMore);

        assertThat(lines).contains("  vs hand plan  300 orders served (hand plan 180); per served order: cost INR 812.40"
                + " (hand plan INR 990.00, 17.9% less), 2.10 km (hand plan 2.50, 16.0% fewer)");
        assertThat(lines).contains("                total km difference (secondary) +180.0 km (630.0 against the hand plan's"
                + " 450.0; not like for like: different numbers of orders served)");
    }

    @Test
    void saysTheHandPlansCostWasNotRecordedRatherThanComparingWithNothing() {
        RunSummary.Efficiency storedBeforeCosts = new RunSummary.Efficiency(200, 200, null, null, null, 2.5, 2.0, 20.0, 500.0,
                400.0, -100.0, true);

        assertThat(report(storedBeforeCosts)).contains("  vs hand plan  200 orders served (hand plan 200); per served order:"
                + " cost not recorded for the hand plan, 2.00 km (hand plan 2.50, 20.0% fewer)");
    }

    @Test
    void saysMoreWhenThePlanCostsMorePerServedOrder() {
        RunSummary.Efficiency dearer = new RunSummary.Efficiency(100, 100, 1000.0, 1050.0, -5.0, 3.0, 3.3, -10.0, 300.0, 330.0,
                30.0, true);

        assertThat(report(dearer)).contains("  vs hand plan  100 orders served (hand plan 100); per served order: cost INR 1,050.00"
                + " (hand plan INR 1,000.00, 5.0% more), 3.30 km (hand plan 3.00, 10.0% more)");
    }

    private List<String> report(RunSummary.Efficiency efficiency) {
        RunSummary summary = new RunSummary(PLAN_DATE.toString(), 1, "0", "command line",
                new RunSummary.RulePackStamp("DELHI-GOODS", "2025.11", "abc"), new RunSummary.Orders(304, 300, 4),
                new RunSummary.Vehicles(30, 0, 20), 630.0, efficiency, 0,
                new RunSummary.Compliance(20, 0, 100, 0, 0, 0), Map.of(), List.of());
        RunResult run = new RunResult(PLAN_DATE, 1, BatchStatus.COMPLETED, Duration.ofSeconds(12), null,
                new RunResult.Planned(summary, Path.of("out"), List.of("summary.json"),
                        new DeliveryResult(PLAN_DATE, List.of(), List.of())), null);

        int status = new RunReport(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).report(run);

        assertThat(status).isEqualTo(ExitStatus.OK);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
