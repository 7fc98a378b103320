package dev.routeplan.batch.fleet;

import dev.routeplan.batch.ingest.CsvFiles;
import dev.routeplan.batch.ingest.InputFileException;
import dev.routeplan.planning.compliance.pack.GrapStageChange;
import dev.routeplan.planning.compliance.verify.NoEntryPermit;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.domain.TimeWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the day's legal conditions beside the plan: {@code permits.csv} (No Entry Permissions) and
 * {@code grap.csv} (the GRAP stage calendar). Like the fleet they are master data: a bad row stops
 * the run with file, row and field named, rather than check routes against wrong facts.
 */
public class ConditionsFileReader {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']H:mm");

    /** {@code permit_no,vehicle_id,zones,window_start,window_end,valid_from,valid_to}; zones ';'-separated, empty = all Delhi. */
    public List<NoEntryPermit> permits(Path file, String fileName) throws IOException {
        List<NoEntryPermit> permits = new ArrayList<>();
        try (CSVParser parser = CsvFiles.open(file)) {
            for (CSVRecord record : parser) {
                Fields row = new Fields(fileName, record);
                Set<String> zones = Arrays.stream(row.optional("zones").split(";")).map(String::trim)
                        .filter(z -> !z.isEmpty()).collect(Collectors.toSet());
                LocalDate from = row.date("valid_from");
                LocalDate to = row.date("valid_to");
                if (to.isBefore(from)) {
                    throw row.error("valid_to", to + " is before valid_from " + from);
                }
                permits.add(new NoEntryPermit(row.text("permit_no"), row.text("vehicle_id"), zones,
                        new TimeWindow(row.time("window_start"), row.time("window_end")), from, to));
            }
        }
        return permits;
    }

    /** {@code effective_from,stage,source}; times with an offset, or local times in Asia/Kolkata. */
    public List<GrapStageChange> grapCalendar(Path file, String fileName) throws IOException {
        List<GrapStageChange> changes = new ArrayList<>();
        try (CSVParser parser = CsvFiles.open(file)) {
            for (CSVRecord record : parser) {
                Fields row = new Fields(fileName, record);
                int stage = row.integer("stage");
                if (stage < 0 || stage > 4) {
                    throw row.error("stage", stage + " is not a GRAP stage 0 to 4");
                }
                changes.add(new GrapStageChange(row.instant("effective_from"), stage, row.text("source")));
            }
        }
        return changes;
    }

    private record Fields(String fileName, CSVRecord record) {

        String optional(String field) {
            return record.isMapped(field) && record.isSet(field) ? record.get(field).trim() : "";
        }

        String text(String field) {
            String value = optional(field);
            if (value.isEmpty()) {
                throw error(field, "is empty");
            }
            return value;
        }

        int integer(String field) {
            try {
                return Integer.parseInt(text(field));
            } catch (NumberFormatException e) {
                throw error(field, "\"" + optional(field) + "\" is not a whole number");
            }
        }

        LocalDate date(String field) {
            try {
                return LocalDate.parse(text(field));
            } catch (DateTimeParseException e) {
                throw error(field, "\"" + optional(field) + "\" is not a date like 2026-12-01");
            }
        }

        LocalTime time(String field) {
            String value = text(field);
            try {
                return value.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(value, HH_MM);
            } catch (DateTimeParseException e) {
                throw error(field, "\"" + value + "\" is not a time HH:mm");
            }
        }

        OffsetDateTime instant(String field) {
            String value = text(field);
            try {
                return OffsetDateTime.parse(value);
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(value, LOCAL).atZone(PlanClock.ZONE).toOffsetDateTime();
                } catch (DateTimeParseException e) {
                    throw error(field, "\"" + value + "\" is not a time like 2026-01-10T20:00+05:30 or 2026-01-10 20:00");
                }
            }
        }

        InputFileException error(String field, String problem) {
            return new InputFileException(fileName, (int) record.getRecordNumber() + 1, field, problem);
        }
    }
}
