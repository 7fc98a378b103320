package dev.routeplan.batch.publish;

import dev.routeplan.planning.domain.UnassignedOrder;
import java.util.List;

/** An order left without a route, or on a route compliance blocked, as {@code unassigned.csv} lists it. */
record UnassignedCsvRow(String orderId, String depotId, String reason, String detail) implements CsvRow {

    static final List<String> HEADER = List.of("order_id", "depot_id", "reason", "detail");

    static UnassignedCsvRow of(UnassignedOrder order) {
        return new UnassignedCsvRow(order.orderId(), order.depotId(), order.reason().name(), order.detail());
    }

    @Override
    public List<Object> fields() {
        return List.of(orderId, depotId, reason, detail);
    }
}
