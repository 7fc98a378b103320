package dev.routeplan.batch.fleet;

import dev.routeplan.batch.ingest.CsvFiles;
import dev.routeplan.batch.ingest.InputFileException;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.EmissionNorm;
import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.GeoPoint;
import dev.routeplan.planning.domain.TimeWindow;
import dev.routeplan.planning.domain.Vehicle;
import dev.routeplan.planning.domain.VehicleClass;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code fleet.csv} and {@code depots.csv}. The fleet is master data, not a day's orders:
 * one bad row stops the run with the file, row and field named, rather than plan without a vehicle.
 */
public class FleetFileReader {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("H:mm");

    public List<Depot> depots(Path file, String fileName) throws IOException {
        List<Depot> depots = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (CSVParser parser = CsvFiles.open(file)) {
            for (CSVRecord record : parser) {
                Row row = new Row(fileName, record);
                Depot depot = new Depot(row.text("depot_id"), row.text("name"),
                        row.point(),
                        new TimeWindow(row.time("open"), row.time("close")));
                if (!ids.add(depot.id())) {
                    throw row.error("depot_id", "depot " + depot.id() + " is listed twice");
                }
                depots.add(depot);
            }
        }
        return depots;
    }

    public List<Vehicle> vehicles(Path file, String fileName, Set<String> depotIds) throws IOException {
        List<Vehicle> vehicles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (CSVParser parser = CsvFiles.open(file)) {
            for (CSVRecord record : parser) {
                Row row = new Row(fileName, record);
                String depotId = row.text("depot_id");
                if (!depotIds.contains(depotId)) {
                    throw row.error("depot_id", "\"" + depotId + "\" is not in depots.csv");
                }
                Vehicle vehicle = new Vehicle(row.text("vehicle_id"), depotId,
                        row.parse("vehicle_class", v -> VehicleClass.valueOf(v.toUpperCase(Locale.ROOT))),
                        row.parse("fuel", v -> Fuel.valueOf(v.toUpperCase(Locale.ROOT))),
                        row.parse("emission_norm", v -> EmissionNorm.valueOf(v.toUpperCase(Locale.ROOT).replace("-", ""))),
                        row.date("registration_date"), row.text("registration_state").toUpperCase(Locale.ROOT),
                        row.parse("gvw_kg", Integer::parseInt), row.parse("axles", Integer::parseInt),
                        row.positive("capacity_kg"), row.positive("capacity_m3"),
                        new TimeWindow(row.time("shift_start"), row.time("shift_end")),
                        row.decimal("cost_per_km"), row.decimal("fixed_cost"), row.text("driver_id"),
                        row.date("puc_valid_until"), row.date("permit_valid_until"));
                if (!ids.add(vehicle.id())) {
                    throw row.error("vehicle_id", "vehicle " + vehicle.id() + " is listed twice");
                }
                vehicles.add(vehicle);
            }
        }
        return vehicles;
    }

    /** One record with typed accessors that fail naming the file, row and field. */
    private static final class Row {
        private final String fileName;
        private final CSVRecord record;

        Row(String fileName, CSVRecord record) {
            this.fileName = fileName;
            this.record = record;
        }

        String text(String field) {
            String value = record.isMapped(field) && record.isSet(field) ? record.get(field).trim() : "";
            if (value.isEmpty()) {
                throw error(field, "is empty");
            }
            return value;
        }

        <T> T parse(String field, Function<String, T> parser) {
            String value = text(field);
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                throw error(field, "\"" + value + "\" is not valid: " + e.getMessage());
            }
        }

        double decimal(String field) {
            return parse(field, Double::parseDouble);
        }

        double positive(String field) {
            double value = decimal(field);
            if (value <= 0) {
                throw error(field, value + " is not positive");
            }
            return value;
        }

        GeoPoint point() {
            double lat = decimal("lat");
            double lon = decimal("lon");
            try {
                return new GeoPoint(lat, lon);
            } catch (IllegalArgumentException e) {
                throw error("lat,lon", e.getMessage());
            }
        }

        LocalDate date(String field) {
            return parse(field, LocalDate::parse);
        }

        LocalTime time(String field) {
            return parse(field, v -> v.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(v, HH_MM));
        }

        InputFileException error(String field, String problem) {
            // +1 for the header row, as a spreadsheet numbers it
            return new InputFileException(fileName, (int) record.getRecordNumber() + 1, field, problem);
        }
    }
}
