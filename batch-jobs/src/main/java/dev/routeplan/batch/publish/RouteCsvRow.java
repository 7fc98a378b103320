package dev.routeplan.batch.publish;

import java.util.List;

/**
 * A stop of a route that passed compliance, as {@code routes.csv} lists it.
 *
 * @param arrival      local date-time the vehicle arrives
 * @param departure    local date-time service ends; a driver's break after it is {@code breakMinutes}
 */
record RouteCsvRow(String depotId, String vehicleId, int seq, String orderId, String arrival, String departure,
                   double lat, double lon, long breakMinutes) implements CsvRow {

    static final List<String> HEADER =
            List.of("depot_id", "vehicle_id", "seq", "order_id", "arrival", "departure", "lat", "lon", "break_minutes");

    @Override
    public List<Object> fields() {
        return List.of(depotId, vehicleId, seq, orderId, arrival, departure, lat, lon, breakMinutes);
    }
}
