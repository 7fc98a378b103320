package dev.routeplan.batch.fleet;

import dev.routeplan.batch.ingest.ServiceArea;
import dev.routeplan.batch.ingest.format.InputRow;
import dev.routeplan.batch.ingest.format.InputTable;
import dev.routeplan.batch.ingest.format.InputTables;
import dev.routeplan.batch.ingest.format.UnreadableFileException;
import dev.routeplan.batch.ingest.format.UnreadableFileException.Reason;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code fleet.csv} and {@code depots.csv}. The fleet is master data, not a day's orders:
 * one bad row stops the run with the file, row and field named, rather than plan without a vehicle.
 */
public class FleetFileReader {

    static final List<String> DEPOT_COLUMNS = List.of("depot_id", "name", "lat", "lon", "open", "close");
    static final List<String> VEHICLE_COLUMNS = List.of("vehicle_id", "depot_id", "vehicle_class", "fuel",
            "emission_norm", "registration_date", "registration_state", "gvw_kg", "axles", "capacity_kg", "capacity_m3",
            "shift_start", "shift_end", "cost_per_km", "fixed_cost", "driver_id", "puc_valid_until",
            "permit_valid_until");
    /** The states the permit covers, separated by {@code ;} ({@code ALL}: national permit); optional. */
    static final String PERMIT_STATES = "permit_states";

    private final InputTables tables;
    private final ServiceArea serviceArea;

    public FleetFileReader(InputTables tables, ServiceArea serviceArea) {
        this.tables = tables;
        this.serviceArea = serviceArea;
    }

    public List<Depot> depots(Path file, String fileName) {
        List<Depot> depots = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (InputTable table = tables.open(fileName, file, DEPOT_COLUMNS, List.of())) {
            for (InputRow row : table) {
                Depot depot = new Depot(row.text("depot_id"), row.text("name"), point(row),
                        new TimeWindow(row.time("open"), row.time("close")));
                if (!ids.add(depot.id())) {
                    throw row.error("depot_id", "depot " + depot.id() + " is listed twice");
                }
                if (!serviceArea.contains(depot.location())) {
                    throw row.error("lat,lon", "depot " + depot.id() + " at " + depot.location().lat() + ","
                            + depot.location().lon() + " lies outside the service area (routeplan.ingest.service-area-wkt)");
                }
                depots.add(depot);
            }
        }
        requireRows(depots, fileName, "depot");
        return depots;
    }

    public List<Vehicle> vehicles(Path file, String fileName, Set<String> depotIds) {
        List<Vehicle> vehicles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (InputTable table = tables.open(fileName, file, VEHICLE_COLUMNS, List.of(PERMIT_STATES))) {
            for (InputRow row : table) {
                String depotId = row.text("depot_id");
                if (!depotIds.contains(depotId)) {
                    throw row.error("depot_id", "\"" + depotId + "\" is not in depots.csv");
                }
                Vehicle vehicle = new Vehicle(row.text("vehicle_id"), depotId,
                        row.parse("vehicle_class", v -> VehicleClass.valueOf(v.toUpperCase(Locale.ROOT))),
                        row.parse("fuel", v -> Fuel.valueOf(v.toUpperCase(Locale.ROOT))),
                        row.parse("emission_norm", v -> EmissionNorm.valueOf(v.toUpperCase(Locale.ROOT).replace("-", ""))),
                        row.date("registration_date"), row.text("registration_state").toUpperCase(Locale.ROOT),
                        row.integer("gvw_kg"), row.integer("axles"),
                        row.positive("capacity_kg"), row.positive("capacity_m3"),
                        new TimeWindow(row.time("shift_start"), row.time("shift_end")),
                        row.decimal("cost_per_km"), row.decimal("fixed_cost"), row.text("driver_id"),
                        row.date("puc_valid_until"), row.date("permit_valid_until"),
                        permitStates(row.optional(PERMIT_STATES)));
                if (!ids.add(vehicle.id())) {
                    throw row.error("vehicle_id", "vehicle " + vehicle.id() + " is listed twice");
                }
                vehicles.add(vehicle);
            }
        }
        requireRows(vehicles, fileName, "vehicle");
        return vehicles;
    }

    /** A depots or fleet file of a header only would plan nothing: refused, rather than every order left unassigned. */
    private static void requireRows(List<?> rows, String fileName, String what) {
        if (rows.isEmpty()) {
            throw new UnreadableFileException(Reason.EMPTY_FILE, fileName, 0, "has a header but no " + what);
        }
    }

    static List<String> permitStates(String cell) {
        return cell.isBlank() ? List.of() : java.util.Arrays.stream(cell.split(";")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static GeoPoint point(InputRow row) {
        double lat = row.decimal("lat");
        double lon = row.decimal("lon");
        try {
            return new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw row.error("lat,lon", e.getMessage());
        }
    }
}
