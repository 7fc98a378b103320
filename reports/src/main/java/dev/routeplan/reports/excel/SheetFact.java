package dev.routeplan.reports.excel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Consumer;

/**
 * One "label, value" row at the top of a summary sheet ({@link SheetTable#facts}): the label in the
 * first column, the value beside it in its own format. A value not on record (null, or a number
 * that is NaN) leaves its cell empty, so the label still shows that the fact was looked for.
 */
public record SheetFact(String label, Consumer<SheetTable.Cells> value) {

    public static SheetFact text(String label, String value) {
        return new SheetFact(label, cells -> cells.text(value));
    }

    public static SheetFact integer(String label, long value) {
        return new SheetFact(label, cells -> cells.integer(value));
    }

    /** An empty value cell when the number is NaN (not on record). */
    public static SheetFact number(String label, double value) {
        return new SheetFact(label, cells -> cells.number(value));
    }

    /** An empty value cell when the fraction is NaN (not on record). */
    public static SheetFact percent(String label, double fraction) {
        return new SheetFact(label, cells -> cells.percent(fraction));
    }

    /** An empty value cell when the date is not known. */
    public static SheetFact date(String label, LocalDate valueOrNull) {
        return new SheetFact(label, cells -> {
            if (valueOrNull != null) {
                cells.date(valueOrNull);
            }
        });
    }

    /** An empty value cell when the time is not known. */
    public static SheetFact dateTime(String label, LocalDateTime valueOrNull) {
        return new SheetFact(label, cells -> {
            if (valueOrNull != null) {
                cells.dateTime(valueOrNull);
            }
        });
    }
}
