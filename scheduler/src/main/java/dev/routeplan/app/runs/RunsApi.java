package dev.routeplan.app.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.routeplan.batch.job.PlanRunParameters;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The runs API ({@code /api/v1/runs}): list and read runs (OPS, PLANNER), start, restart, stop,
 * abandon, recover and backfill (OPS), follow a run live (server-sent events). It parses, calls
 * {@link RunOperations}, {@link RunQueries}, {@link Backfills} or {@link RunEvents}, and maps the
 * answer; errors are RFC 9457 problems, a bad field named in {@code field} (a body that cannot
 * be read, and a parameter of the wrong type, are {@code ApiProblems}' for every API).
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/v1/runs")
class RunsApi {

    private static final int MAX_PAGE_SIZE = 200;
    private static final double MAX_SOLVER_SECONDS = 3600;

    private final RunOperations operations;
    private final RunQueries queries;
    private final Backfills backfills;
    private final RunEvents events;
    private final RunsProperties properties;

    RunsApi(RunOperations operations, RunQueries queries, Backfills backfills, RunEvents events, RunsProperties properties) {
        this.operations = operations;
        this.queries = queries;
        this.backfills = backfills;
        this.events = events;
        this.properties = properties;
    }

    /** {@code POST /api/v1/runs}: a date to plan; all but {@code planDate} optional. */
    record StartBody(String planDate, Integer grapStage, List<String> depots, Double solverSeconds) {
    }

    /** The answer to a start or restart: the run that was created. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Started(long id, LocalDate planDate, Long attempt, String status, Long restartOf) {
    }

    /** {@code POST /api/v1/runs/backfill}. */
    record BackfillBody(String from, String to, String mode, Integer maxConcurrent, Double solverSeconds) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPS', 'PLANNER')")
    RunViews.Page<RunViews.Run> list(@RequestParam(required = false) String job,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) String page,
                                     @RequestParam(required = false) String size) {
        LocalDate fromDate = from == null ? null : date("from", from);
        LocalDate toDate = to == null ? null : date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new BadField("to", "must not be before from");
        }
        BatchStatus batchStatus = status == null ? null : status(status);
        int pageNumber = page == null ? 0 : integer("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = size == null ? 20 : integer("size", size, 1, MAX_PAGE_SIZE);
        return queries.list(new RunQueries.Filter(job, fromDate, toDate, batchStatus), pageNumber, pageSize);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPS', 'PLANNER')")
    RunViews.RunDetail one(@PathVariable long id) {
        return queries.detail(id).orElseThrow(() -> new RunOperations.NoSuchRun(id));
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('OPS', 'PLANNER')")
    SseEmitter events(@PathVariable long id) {
        queries.execution(id).orElseThrow(() -> new RunOperations.NoSuchRun(id));
        return events.stream(id);
    }

    @PostMapping
    @PreAuthorize("hasRole('OPS')")
    ResponseEntity<Started> start(@RequestBody StartBody body) throws JobExecutionException {
        if (body == null || body.planDate() == null) {
            throw new BadField("planDate", "is required, e.g. 2026-12-01");
        }
        LocalDate planDate = date("planDate", body.planDate());
        if (body.grapStage() != null && (body.grapStage() < 0 || body.grapStage() > 4)) {
            throw new BadField("grapStage", "must be 0 to 4");
        }
        List<String> depots = body.depots() == null ? List.of() : body.depots();
        for (String depot : depots) {
            if (depot == null || !PlanRunParameters.DEPOT_ID.matcher(depot).matches()) {
                throw new BadField("depots", "each must be a depot id (1 to 32 letters, digits, '_' or '-')");
            }
        }
        if (new HashSet<>(depots).size() != depots.size()) {
            throw new BadField("depots", "must not name a depot twice");
        }
        Double solverSeconds = solverSeconds(body.solverSeconds());
        JobExecution execution = operations.start(new RunOperations.StartRequest(planDate, body.grapStage(), depots, solverSeconds));
        return accepted(execution, null);
    }

    @PostMapping("/{id}/restart")
    @PreAuthorize("hasRole('OPS')")
    ResponseEntity<Started> restart(@PathVariable long id) throws JobExecutionException {
        return accepted(operations.restart(id), id);
    }

    @PostMapping("/{id}/stop")
    @PreAuthorize("hasRole('OPS')")
    ResponseEntity<Started> stop(@PathVariable long id) {
        JobExecution execution = operations.stop(id);
        return ResponseEntity.accepted().body(started(execution, null));
    }

    @PostMapping("/{id}/abandon")
    @PreAuthorize("hasRole('OPS')")
    Started abandon(@PathVariable long id) {
        return started(operations.abandon(id), null);
    }

    @PostMapping("/{id}/recover")
    @PreAuthorize("hasRole('OPS')")
    Started recover(@PathVariable long id) {
        return started(operations.recover(id), null);
    }

    @PostMapping("/backfill")
    @PreAuthorize("hasRole('OPS')")
    ResponseEntity<Backfills.Plan> backfill(@RequestBody BackfillBody body) {
        if (body == null || body.from() == null) {
            throw new BadField("from", "is required, e.g. 2026-12-01");
        }
        if (body.to() == null) {
            throw new BadField("to", "is required, e.g. 2026-12-07");
        }
        LocalDate from = date("from", body.from());
        LocalDate to = date("to", body.to());
        if (to.isBefore(from)) {
            throw new BadField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > properties.backfillMaxDays()) {
            throw new BadField("to", "a backfill takes at most " + properties.backfillMaxDays() + " days");
        }
        Backfills.Mode mode;
        try {
            mode = body.mode() == null ? Backfills.Mode.MISSING : Backfills.Mode.valueOf(body.mode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadField("mode", "must be MISSING, FAILED or ALL");
        }
        int maxConcurrent = body.maxConcurrent() == null ? 1 : body.maxConcurrent();
        if (maxConcurrent < 1 || maxConcurrent > properties.backgroundThreads()) {
            throw new BadField("maxConcurrent", "must be 1 to " + properties.backgroundThreads());
        }
        double solverSeconds = solverSeconds(body.solverSeconds());
        Backfills.Plan plan = backfills.start(new Backfills.Request(from, to, mode, maxConcurrent), solverSeconds);
        return ResponseEntity.accepted().body(plan);
    }

    private static Double solverSeconds(Double seconds) {
        if (seconds == null) {
            return RunOperations.DEFAULT_SOLVER_SECONDS;
        }
        if (!(seconds > 0) || seconds > MAX_SOLVER_SECONDS) {
            throw new BadField("solverSeconds", "must be more than 0 and at most " + (int) MAX_SOLVER_SECONDS);
        }
        return seconds;
    }

    private static ResponseEntity<Started> accepted(JobExecution execution, Long restartOf) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/runs/" + execution.getId()))
                .body(started(execution, restartOf));
    }

    private static Started started(JobExecution execution, Long restartOf) {
        PlanRunParameters run = PlanRunParameters.from(execution.getJobParameters());
        return new Started(execution.getId(), run.planDate(), run.attempt(), execution.getStatus().name(), restartOf);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadField(field, "must be a date like 2026-12-01, was '" + value + "'");
        }
    }

    private static BatchStatus status(String value) {
        try {
            return BatchStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadField("status", "must be one of " + java.util.Arrays.stream(BatchStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static int integer(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadField(field, "must be a whole number from " + min + " to " + max);
    }

    /** A request field that will not do. */
    static final class BadField extends RuntimeException {
        private final String field;

        BadField(String field, String problem) {
            super(field + " " + problem);
            this.field = field;
        }
    }

    @ExceptionHandler
    ProblemDetail badField(BadField e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", e.field);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail alreadyRunning(RunAlreadyRunning e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Date already running");
        problem.setProperty("planDate", e.planDate().toString());
        if (e.runningExecutionId() != null) {
            problem.setProperty("runningExecutionId", e.runningExecutionId());
            problem.setProperty("running", URI.create("/api/v1/runs/" + e.runningExecutionId()));
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail stillAlive(RunStillAlive e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Run still alive");
        problem.setProperty("runningExecutionId", e.executionId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail conflict(PlanRuns.PlanRunException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(RunOperations.NoSuchRun e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** The service's own folders will not do: nothing the caller can fix. */
    @ExceptionHandler
    ProblemDetail folders(RunFolders.Unusable e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "the service's " + e.role()
                + " folder " + e.problem());
    }
}
