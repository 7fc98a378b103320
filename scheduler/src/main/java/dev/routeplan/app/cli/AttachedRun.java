package dev.routeplan.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run --attach}: starts a date on the running service (or finds it running there), follows
 * its events and prints a line per change of a step or partition, then how the run ended. The exit
 * status is 0 for COMPLETED and 1 for any other end: the runs API tells an OPS token how a run
 * ended, not whether compliance blocked routes or a delivery did not go out (3 and 4 of a local run).
 */
final class AttachedRun {

    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
    /** Reconnections in a row after the stream closed while the run went on (the service restarting its streams). */
    private static final int MAX_RECONNECTS = 5;
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(2);

    private final RunsService service;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder().build();
    /** What was printed of each step or partition (by id), so a repeated state prints nothing. */
    private final Map<Long, String> printed = new HashMap<>();
    private String runStatus;
    private String failedStep;
    private String failedStepMessage;

    AttachedRun(RunsService service, PrintStream out, PrintStream err) {
        this.service = service;
        this.out = out;
        this.err = err;
    }

    int startAndFollow(LocalDate planDate, Integer grapStage, double solverSeconds) throws InterruptedException {
        RunsService.Started started = service.start(planDate, grapStage, solverSeconds);
        Long attempt = started.attempt();
        if (started.alreadyRunning()) {
            attempt = number(service.run(started.id()), "attempt");
            out.printf("%s is already running on %s as run %d%s; attaching to it%n", planDate, service.uri(), started.id(),
                    attempt == null ? "" : " (attempt " + attempt + ")");
        } else {
            out.printf("Started run %d of %s (attempt %d) on %s%n", started.id(), planDate, attempt, service.uri());
        }
        return follow(started.id(), planDate, attempt);
    }

    private int follow(long id, LocalDate planDate, Long attempt) throws InterruptedException {
        String run = "run " + id + " of " + planDate + (attempt == null ? "" : " (attempt " + attempt + ")");
        for (int reconnects = 0; ; reconnects++) {
            Optional<JsonNode> end = streamUntilEnd(id);
            if (end.isEmpty()) {
                // the stream closed without an end: the run may have ended meanwhile, or goes on
                JsonNode now = service.run(id);
                if (ENDED.contains(now.path("status").asString(""))) {
                    noteFailedStep(now.path("steps"));
                    end = Optional.of(now);
                } else if (reconnects >= MAX_RECONNECTS) {
                    throw new RunsService.Unanswered("the service at " + service.uri() + " keeps closing the events of " + run
                            + ", which is " + now.path("status").asString("") + "; see GET /api/v1/runs/" + id);
                } else {
                    Thread.sleep(RECONNECT_PAUSE.toMillis());
                    continue;
                }
            }
            return report(run, end.get(), id);
        }
    }

    /** Prints the changes the stream sends; the {@code end} event's data, or empty when the stream closed before it. */
    private Optional<JsonNode> streamUntilEnd(long id) {
        try (RunsService.Events events = service.events(id)) {
            for (Optional<ServerSentEvents.Event> event = events.next(); event.isPresent(); event = events.next()) {
                JsonNode data = json.readTree(event.get().data());
                switch (event.get().name()) {
                    case "step" -> step(data);
                    case "run" -> run(id, data);
                    case "end" -> {
                        return Optional.of(data);
                    }
                    default -> {
                        // an event of a later service: nothing to print
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            // the connection dropped mid-stream: what the run is doing is asked next
            return Optional.empty();
        }
    }

    private void step(JsonNode step) {
        long stepId = step.path("id").asLong();
        String name = step.path("name").asString("");
        String status = step.path("status").asString("");
        String line = String.format("%s %s: %d read, %d written, %d skipped", name, status, step.path("readCount").asLong(),
                step.path("writeCount").asLong(), step.path("skipCount").asLong());
        if (!line.equals(printed.put(stepId, line))) {
            boolean partition = !step.path("partitionOf").isNull() && !step.path("partitionOf").isMissingNode();
            out.println((partition ? "    " : "  ") + line);
        }
        if ("FAILED".equals(status) && failedStep == null) {
            failedStep = name;
            failedStepMessage = text(step, "exitMessage");
        }
    }

    private void run(long id, JsonNode run) {
        String status = run.path("status").asString("");
        // STARTING and STARTED are what attaching means; a stop someone asked for is news
        if (!status.equals(runStatus) && runStatus != null && !ENDED.contains(status)) {
            out.printf("Run %d is %s%n", id, status);
        }
        runStatus = status;
    }

    private void noteFailedStep(JsonNode steps) {
        for (JsonNode step : steps) {
            step(step);
            for (JsonNode partition : step.path("partitions")) {
                step(partition);
            }
        }
    }

    private int report(String run, JsonNode end, long id) {
        String status = end.path("status").asString("");
        String took = took(text(end, "duration"));
        if ("COMPLETED".equals(status)) {
            out.printf("%s COMPLETED%s%n", capitalised(run), took);
            return ExitStatus.OK;
        }
        out.printf("%s %s%s%n", capitalised(run), status, took);
        String why = failedStep != null
                ? " at step " + failedStep + (failedStepMessage != null ? ": " + failedStepMessage : "")
                : text(end, "exitMessage") != null ? ": " + text(end, "exitMessage") : "";
        String next = "STOPPED".equals(status) || "FAILED".equals(status)
                ? "; restart it on the service: POST " + service.at("/api/v1/runs/" + id + "/restart")
                : "";
        err.println("routeplan: " + run + " " + status + why + next);
        return ExitStatus.FAILED;
    }

    private static String took(String isoDuration) {
        if (isoDuration == null) {
            return "";
        }
        try {
            return String.format(" in %.1f s", Duration.parse(isoDuration).toMillis() / 1000.0);
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : null;
    }
}
