package dev.routeplan.batch.ingest.format;

import dev.routeplan.batch.ingest.InputFileException;
import dev.routeplan.planning.domain.ClockTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/**
 * One data row of a master-data file, with typed accessors that fail naming the file, row and
 * field. Master data is not a day's orders: a bad value stops the run rather than being set aside.
 */
public final class InputRow {

    private final String fileName;
    private final SheetRow row;
    private final Map<String, Integer> columns;

    InputRow(String fileName, SheetRow row, Map<String, Integer> columns) {
        this.fileName = fileName;
        this.row = row;
        this.columns = columns;
    }

    /** The value trimmed, empty when the cell or the (optional) column is missing. */
    public String optional(String field) {
        Integer index = columns.get(field);
        return index == null ? "" : row.cell(index).strip();
    }

    public String text(String field) {
        String value = optional(field);
        if (value.isEmpty()) {
            throw error(field, "is empty");
        }
        return value;
    }

    /** The value read by {@code parser}; whatever it throws becomes an error naming the value. */
    public <T> T parse(String field, Function<String, T> parser) {
        String value = text(field);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw error(field, "\"" + value + "\" is not valid: " + e.getMessage());
        }
    }

    public int integer(String field) {
        return typed(field, Integer::parseInt, "a whole number");
    }

    public double decimal(String field) {
        return typed(field, Double::parseDouble, "a number");
    }

    public double positive(String field) {
        double value = decimal(field);
        if (value <= 0) {
            throw error(field, value + " is not positive");
        }
        return value;
    }

    public LocalDate date(String field) {
        return typed(field, LocalDate::parse, "a date like 2026-12-01");
    }

    public LocalTime time(String field) {
        return typed(field, ClockTime::parse, "a time " + ClockTime.EXPECTED);
    }

    public InputFileException error(String field, String problem) {
        return new InputFileException(fileName, row.rowNumber(), field, problem);
    }

    private <T> T typed(String field, Function<String, T> parser, String expected) {
        String value = text(field);
        try {
            return parser.apply(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw error(field, "\"" + value + "\" is not " + expected);
        }
    }
}
