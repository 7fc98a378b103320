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

    /** No published route carries more than its vehicle or serves a stop outside the stop's window. */
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
            long windowStart = secondOfDay(order.get("window_start"));
            long windowEnd = secondOfDay(order.get("window_end"));
            if (windowEnd <= windowStart) {
                windowEnd += 86_400;
            }
            assertThat(serviceStart).as("service start of %s", stop.get("order_id")).isBetween(windowStart, windowEnd - 1);
        }
        load.forEach((vehicle, kg) -> assertThat(kg).as("load of %s", vehicle).isLessThanOrEqualTo(capacity.get(vehicle)));
    }

    private static long secondOfDay(Object time) {
        return time instanceof java.sql.Time t ? t.toLocalTime().toSecondOfDay() : ((java.time.LocalTime) time).toSecondOfDay();
    }
}
