package dev.routeplan.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which series a rule or a panel names, read off its PromQL (what PrometheusScrapeTests looks up in the scrape). */
class PromqlSeriesNamesTests {

    @Test
    void namesTheSeriesOfARatioAndLeavesOutFunctionsGroupingLabelsAndDurations() {
        assertThat(PromqlSeriesNames.of("""
                sum by (instance, method, uri) (rate(http_server_requests_seconds_sum{uri=~"/api/.*", uri!~".*/events"}[5m]))
                /
                sum by (instance, method, uri) (rate(http_server_requests_seconds_count{uri=~"/api/.*"}[5m])) > 5"""))
                .containsExactly("http_server_requests_seconds_count", "http_server_requests_seconds_sum");
    }

    @Test
    void namesBothSidesOfSetOperatorsWithOffsetsAndMatchingClauses() {
        assertThat(PromqlSeriesNames.of("""
                (vector(1) and on () (hour() == 0 and minute() >= 30))
                unless on ()
                count(routeplan_run_duration_seconds_count{status="COMPLETED"} unless routeplan_run_duration_seconds_count offset 11h)
                or up{job="routeplan"} == bool 0"""))
                .containsExactly("routeplan_run_duration_seconds_count", "up");
    }

    @Test
    void leavesOutGrafanaVariablesNumbersAndSubqueries() {
        assertThat(PromqlSeriesNames.of("max by (depot) (max_over_time(routeplan_solve_seconds_max{depot=~\"$depot\"}[$__range]))"
                + " / max(routeplan_plan_orders_served > 0) * 1e2 + max_over_time(jvm_threads_live_threads[1h:5m]) @ end()"))
                .containsExactly("jvm_threads_live_threads", "routeplan_plan_orders_served", "routeplan_solve_seconds_max");
    }

    @Test
    void takesAHistogramsBucketSeriesAsItIsNamed() {
        assertThat(PromqlSeriesNames.of("histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void keepsOnlyTheExactLabelValuesOfASelectorAndNotGrafanaVariables() {
        assertThat(PromqlSeriesNames.exactSelectors("""
                sum(rate(http_server_requests_seconds_count{status=~"5..", uri!~".*/events", method != "GET"}[5m]))
                / routeplan_plan_km{depot=~"$depot", plan="optimised", depot!="all"}
                + count(routeplan_run_duration_seconds_count{exported_job = "nightlyPlanJob", status="FAILED"} offset 1h)"""))
                .extracting(PromqlSeriesNames.Selector::promql)
                .containsExactly("routeplan_plan_km{plan=\"optimised\"}",
                        "routeplan_run_duration_seconds_count{exported_job=\"nightlyPlanJob\",status=\"FAILED\"}");
    }

    @Test
    void takesANameMatcherAndRefusesAPatternOnNames() {
        assertThat(PromqlSeriesNames.of("{__name__=\"disk_free_bytes\", path=\"/\"}")).containsExactly("disk_free_bytes");
        assertThatThrownBy(() -> PromqlSeriesNames.of("{__name__=~\"jvm_.*\"}"))
                .hasMessageStartingWith("cannot tell which series __name__=~\"jvm_.*\" selects");
    }
}
