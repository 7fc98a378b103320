package dev.routeplan.batch.fleet;

import dev.routeplan.batch.ingest.format.InputRow;
import dev.routeplan.batch.ingest.format.InputTable;
import dev.routeplan.batch.ingest.format.InputTables;
import dev.routeplan.planning.compliance.pack.GrapStageChange;
import dev.routeplan.planning.compliance.verify.NoEntryPermit;
import dev.routeplan.planning.domain.PlanClock;
import dev.routeplan.planning.domain.TimeWindow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the day's legal conditions beside the plan: {@code permits.csv} (No Entry Permissions) and
 * {@code grap.csv} (the GRAP stage calendar). Like the fleet they are master data: a bad row stops
 * the run with file, row and field named, rather than check routes against wrong facts.
 */
public class ConditionsFileReader {

    static final List<String> PERMIT_COLUMNS = List.of("permit_no", "vehicle_id", "window_start", "window_end",
            "valid_from", "valid_to");
    static final List<String> GRAP_COLUMNS = List.of("effective_from", "stage", "source");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']H:mm");

    private final InputTables tables;

    public ConditionsFileReader(InputTables tables) {
        this.tables = tables;
    }

    /** {@code permit_no,vehicle_id,zones,window_start,window_end,valid_from,valid_to}; zones ';'-separated, empty = all Delhi. */
    public List<NoEntryPermit> permits(Path file, String fileName) {
        List<NoEntryPermit> permits = new ArrayList<>();
        try (InputTable table = tables.open(fileName, file, PERMIT_COLUMNS, List.of("zones"))) {
            for (InputRow row : table) {
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
    public List<GrapStageChange> grapCalendar(Path file, String fileName) {
        List<GrapStageChange> changes = new ArrayList<>();
        try (InputTable table = tables.open(fileName, file, GRAP_COLUMNS, List.of())) {
            for (InputRow row : table) {
                int stage = row.integer("stage");
                if (stage < 0 || stage > 4) {
                    throw row.error("stage", stage + " is not a GRAP stage 0 to 4");
                }
                changes.add(new GrapStageChange(instant(row, "effective_from"), stage, row.text("source")));
            }
        }
        return changes;
    }

    private static OffsetDateTime instant(InputRow row, String field) {
        String value = row.text(field);
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value, LOCAL).atZone(PlanClock.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw row.error(field, "\"" + value + "\" is not a time like 2026-01-10T20:00+05:30 or 2026-01-10 20:00");
            }
        }
    }
}
