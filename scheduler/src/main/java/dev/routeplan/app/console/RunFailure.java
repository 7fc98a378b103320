package dev.routeplan.app.console;

import dev.routeplan.app.runs.RunViews;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why a run did not complete, in words: the step that failed, the partition of it that failed (an
 * orders file by its name, a depot by its id) and its message without the Java exception names
 * Spring Batch records in front of it.
 *
 * @param step      the step that failed or stopped, null when no step did (the job itself failed)
 * @param partition the failed partition's name ({@code file-12}, {@code depot-D1}), null for a step without partitions
 * @param what      which orders file a file partition read ({@code orders file orders.csv}), null for another partition
 * @param reason    the message, null when none was recorded
 */
public record RunFailure(String status, String step, String partition, String what, String reason) {

    /** {@code java.io.UncheckedIOException: } and the like, as many as lead the message. */
    private static final Pattern EXCEPTION_NAMES = Pattern.compile("^(?:(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*|$))+");

    /**
     * The failure of a FAILED or STOPPED run, none for any other.
     *
     * @param fileNames the names of the date's input files by id, to name a file partition
     */
    static Optional<RunFailure> of(RunViews.RunDetail run, Map<Long, String> fileNames) {
        if (!"FAILED".equals(run.status()) && !"STOPPED".equals(run.status())) {
            return Optional.empty();
        }
        for (RunViews.Step step : run.steps()) {
            if (!"FAILED".equals(step.status()) && !"STOPPED".equals(step.status())) {
                continue;
            }
            for (RunViews.Step p : step.partitions()) {
                if ("FAILED".equals(p.status()) || "STOPPED".equals(p.status())) {
                    String partition = p.name().substring(p.name().indexOf(':') + 1);
                    // the manager's own message only says that a partition failed: not a reason
                    String reason = p.exitMessage() != null && !p.exitMessage().isBlank() ? words(p.exitMessage())
                            : "the partition recorded no reason (the service's log has it)";
                    return Optional.of(new RunFailure(run.status(), step.name(), partition, what(partition, fileNames), reason));
                }
            }
            return Optional.of(new RunFailure(run.status(), step.name(), null, null,
                    words(firstOf(step.exitMessage(), run.exitMessage()))));
        }
        return Optional.of(new RunFailure(run.status(), null, null, null, words(run.exitMessage())));
    }

    /** The whole of it as one sentence, for the page's heading line and for a screen reader. */
    public String sentence() {
        String verb = "STOPPED".equals(status) ? "stopped" : "failed";
        StringBuilder s = new StringBuilder();
        if (step == null) {
            s.append("The run ").append(verb);
        } else {
            s.append("Step ").append(step).append(' ').append(verb);
            if (partition != null) {
                s.append(" in partition ").append(partition);
                if (what != null) {
                    s.append(" (").append(what).append(')');
                }
            }
        }
        if (reason != null) {
            s.append(": ").append(reason);
        }
        return s.append(s.toString().endsWith(".") ? "" : ".").toString();
    }

    private static String what(String partition, Map<Long, String> fileNames) {
        if (partition.startsWith("file-")) {
            try {
                String name = fileNames.get(Long.valueOf(partition.substring("file-".length())));
                return name == null ? null : "orders file " + name;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        // a depot's partition (depot-D1) names it already
        return null;
    }

    private static String firstOf(String... messages) {
        for (String message : messages) {
            if (message != null && !message.isBlank()) {
                return message;
            }
        }
        return null;
    }

    static String words(String message) {
        if (message == null) {
            return null;
        }
        String words = EXCEPTION_NAMES.matcher(message.strip()).replaceFirst("").strip();
        return words.isEmpty() ? message.strip() : words;
    }
}
