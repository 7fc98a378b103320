package dev.routeplan.app.console;

import dev.routeplan.app.compliance.WhatIfs;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The what-if of the compliance page as typed: a plan date, a GRAP stage or an IST date and time
 * (whose stage in the calendar applies), and a rule pack by name. {@link #problems()} says what
 * is wrong with each field, to show beside it; {@link #question()} is the use case's question.
 */
record WhatIfForm(String date, String grapStage, String at, String rulePack) {

    /** A blank form for a date: nothing asked yet. */
    static WhatIfForm of(LocalDate date) {
        return new WhatIfForm(date == null ? "" : date.toString(), "", "", "");
    }

    /** Field name -> what is wrong with it; empty when the form can be asked. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (planDate().isEmpty()) {
            problems.put("date", ComplianceDates.problem(date));
        }
        if (!blank(grapStage) && stage().isEmpty()) {
            problems.put("grapStage", "GRAP stage " + grapStage.strip() + " is not one of 0 to 4");
        }
        if (!blank(at) && moment().isEmpty()) {
            problems.put("at", at.strip() + " is not a date and time like 2026-12-01T23:30");
        }
        if (blank(grapStage) && blank(at)) {
            problems.put("grapStage", "choose a GRAP stage, or give a time whose stage applies");
        } else if (!blank(grapStage) && !blank(at) && !problems.containsKey("grapStage")) {
            problems.put("grapStage", "choose a GRAP stage or a time, not both");
        }
        return problems;
    }

    Optional<LocalDate> planDate() {
        return ComplianceDates.parse(date);
    }

    WhatIfs.Question question() {
        return new WhatIfs.Question(stage().orElse(null), moment().orElse(null), blank(rulePack) ? null : rulePack.strip());
    }

    /** What the question assumes, in words: "GRAP stage IV", "the stage in force at 5 Dec 2026, 23:30 IST". */
    String assumption() {
        if (stage().isPresent()) {
            return stage().get() == 0 ? "no GRAP stage" : "GRAP stage " + roman(stage().get());
        }
        return moment().map(m -> "the GRAP stage in force at " + at.strip().replace('T', ' ') + " IST").orElse("");
    }

    /** The form's fields for the confirmation page, so the withdrawal asks the same question. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("date", date.strip());
        fields.put("grapStage", blank(grapStage) ? "" : grapStage.strip());
        fields.put("at", blank(at) ? "" : at.strip());
        fields.put("rulePack", blank(rulePack) ? "" : rulePack.strip());
        return fields;
    }

    private Optional<Integer> stage() {
        if (blank(grapStage)) {
            return Optional.empty();
        }
        try {
            int stage = Integer.parseInt(grapStage.strip());
            return stage >= 0 && stage <= 4 ? Optional.of(stage) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The browser's datetime-local value, read as India Standard Time. */
    private Optional<OffsetDateTime> moment() {
        if (blank(at)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(at.strip()).atZone(ConsoleTimes.ZONE).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String roman(int stage) {
        return switch (stage) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            case 4 -> "IV";
            default -> String.valueOf(stage);
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
