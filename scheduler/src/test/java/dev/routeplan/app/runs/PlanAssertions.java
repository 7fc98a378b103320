package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.planning.domain.PlanClock;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a planner checks in a run's outputs, shared by the H2, PostgreSQL and restart tests. */
final class PlanAssertions {

    private PlanAssertions() {
    }

    /** Every accepted order is on exactly one route or listed unassigned with a reason. */
    static void everyAcceptedOrderIsRoutedOrUnassignedOnce(JdbcClient jdbc, LocalDate date, PlanOutputs out) throws IOException {
        List<String> accepted = jdbc.sql("select order_id from orders where plan_date = ?").param(date).query(String.class).list();
        List<String> placed = new ArrayList<>();
        out.csv("routes.csv").forEach(row -> placed.add(row.get("order_id")));
        List<Map<String, String>> unassigned = out.csv("unassigned.csv");
        unassigned.forEach(row -> placed.add(row.get("order_id")));
        assertThat(accepted).isNotEmpty();
        assertThat(placed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(unassigned).allSatisfy(row -> assertThat(row.get("reason")).isNotBlank());
    }

    /** No published route carries more than its vehicle or serves a stop outside the stop's windows. */
    static void noRouteBreaksCapacityOrAWindow(JdbcClient jdbc, LocalDate date, PlanOutputs out) throws IOException {
        Map<String, Map<String, Object>> orders = jdbc.sql("select * from orders where plan_date = ?").param(date)
                .query().listOfRows().stream().collect(Collectors.toMap(r -> (String) r.get("order_id"), r -> r));
        Map<String, Double> capacity = jdbc.sql("select vehicle_id, capacity_kg from vehicles where plan_date = ?").param(date)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getDouble(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Double> load = new HashMap<>();
        OffsetDateTime midnight = new PlanClock(date).at(0);
        for (Map<String, String> stop : out.csv("routes.csv")) {
            Map<String, Object> order = orders.get(stop.get("order_id"));
            load.merge(stop.get("vehicle_id"), ((Number) order.get("weight_kg")).doubleValue(), Double::sum);
            long departure = ChronoUnit.SECONDS.between(midnight, OffsetDateTime.parse(stop.get("departure")));
            long serviceStart = departure - ((Number) order.get("service_minutes")).longValue() * 60;
            boolean inFirst = inside(serviceStart, order.get("window_start"), order.get("window_end"));
            boolean inSecond = order.get("window2_start") != null
                    && inside(serviceStart, order.get("window2_start"), order.get("window2_end"));
            assertThat(inFirst || inSecond).as("service start %d of %s inside one of its windows", serviceStart,
                    stop.get("order_id")).isTrue();
        }
        load.forEach((vehicle, kg) -> assertThat(kg).as("load of %s", vehicle).isLessThanOrEqualTo(capacity.get(vehicle)));
    }

    /** Inside {@code [start, end)} on the plan date's timeline; an end at or before the start is the next day. */
    private static boolean inside(long seconds, Object start, Object end) {
        long from = secondOfDay(start);
        long to = secondOfDay(end);
        if (to <= from) {
            to += 86_400;
        }
        return seconds >= from && seconds < to;
    }

    private static long secondOfDay(Object time) {
        return time instanceof java.sql.Time t ? t.toLocalTime().toSecondOfDay() : ((java.time.LocalTime) time).toSecondOfDay();
    }
}
