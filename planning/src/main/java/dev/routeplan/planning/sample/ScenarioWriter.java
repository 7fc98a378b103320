package dev.routeplan.planning.sample;

import dev.routeplan.planning.csv.CsvTable;
import dev.routeplan.planning.domain.ClockTime;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Order;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Scenario} as the three input files {@code depots.csv}, {@code fleet.csv} and
 * {@code orders.csv} (an order's second window, if any, in the last two columns) in the project's one
 * CSV format ({@link CsvTable}). Times {@code HH:mm}, dates ISO, decimals with a dot.
 */
public final class ScenarioWriter {

    public static final String DEPOTS_FILE = "depots.csv";
    public static final String FLEET_FILE = "fleet.csv";
    public static final String ORDERS_FILE = "orders.csv";

    public static final List<String> DEPOTS_HEADER = List.of("depot_id", "name", "lat", "lon", "open", "close");
    public static final List<String> FLEET_HEADER = List.of(
            "vehicle_id", "depot_id", "vehicle_class", "fuel", "emission_norm", "registration_date",
            "registration_state", "gvw_kg", "axles", "capacity_kg", "capacity_m3", "shift_start", "shift_end",
            "cost_per_km", "fixed_cost", "driver_id", "puc_valid_until", "permit_valid_until", "permit_states");
    public static final List<String> ORDERS_HEADER = List.of(
            "order_id", "customer_name", "phone", "address", "pincode", "lat", "lon", "weight_kg", "volume_m3",
            "window_start", "window_end", "service_minutes", "priority", "depot_id", "goods_type", "window2_start",
            "window2_end");


    private ScenarioWriter() {
    }

    /** Writes the three files into {@code dir} (created if missing), replacing files of the same names. */
    public static void write(Scenario scenario, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(DEPOTS_FILE), depotsCsv(scenario.depots()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(FLEET_FILE), fleetCsv(scenario.fleet()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(ORDERS_FILE), ordersCsv(scenario.orders()), StandardCharsets.UTF_8);
    }

    public static String depotsCsv(List<Depot> depots) {
        List<List<String>> rows = new ArrayList<>();
        for (Depot d : depots) {
            rows.add(List.of(d.id(), d.name(), decimal(d.location().lat(), 6), decimal(d.location().lon(), 6),
                    time(d.openingHours().start()), time(d.openingHours().end())));
        }
        return CsvTable.text(DEPOTS_HEADER, rows);
    }

    public static String fleetCsv(List<Vehicle> fleet) {
        List<List<String>> rows = new ArrayList<>();
        for (Vehicle v : fleet) {
            TimeWindow shift = v.shift();
            rows.add(List.of(v.id(), v.depotId(), v.vehicleClass().name(), v.fuel().name(),
                    v.emissionNorm().name(), v.registrationDate().toString(), v.registrationState(),
                    String.valueOf(v.gvwKg()), String.valueOf(v.axles()), decimal(v.capacityKg(), 0),
                    decimal(v.capacityM3(), 1), time(shift.start()), time(shift.end()), decimal(v.costPerKm(), 2),
                    decimal(v.fixedCost(), 0), v.driverId(), v.pucValidUntil().toString(),
                    v.permitValidUntil().toString(), String.join(";", v.permitStates())));
        }
        return CsvTable.text(FLEET_HEADER, rows);
    }

    public static String ordersCsv(List<Order> orders) {
        return CsvTable.text(ORDERS_HEADER, orderRows(orders));
    }

    /** The rows of an orders file, one an order, in the columns of {@link #ORDERS_HEADER}. */
    public static List<List<String>> orderRows(List<Order> orders) {
        List<List<String>> rows = new ArrayList<>();
        for (Order o : orders) {
            rows.add(List.of(o.id(), o.customerName(), o.phone(), o.address(), o.pincode(),
                    decimal(o.location().lat(), 6), decimal(o.location().lon(), 6), decimal(o.weightKg(), 1),
                    decimal(o.volumeM3(), 3), time(o.windows().first().start()), time(o.windows().first().end()),
                    String.valueOf(o.serviceMinutes()), String.valueOf(o.priority()), o.depotId(), o.goodsType(),
                    o.windows().second().map(w -> time(w.start())).orElse(""),
                    o.windows().second().map(w -> time(w.end())).orElse("")));
        }
        return rows;
    }

    private static String decimal(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String time(LocalTime time) {
        return ClockTime.format(time);
    }
}
