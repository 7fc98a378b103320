package dev.routeplan.app.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A plan date as the compliance pages take it from a query or a form: ISO, else a message for beside the field. */
final class ComplianceDates {

    private ComplianceDates() {
    }

    static Optional<LocalDate> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String problem(String value) {
        return value == null || value.isBlank() ? "choose a plan date"
                : value.strip() + " is not a date like 2026-12-01";
    }
}
