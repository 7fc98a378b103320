package dev.routeplan.app.console;

import dev.routeplan.app.plans.Downloads;
import dev.routeplan.app.plans.PlanFileException;
import dev.routeplan.app.plans.PlanInputs;
import dev.routeplan.app.plans.RejectWorkbooks;
import dev.routeplan.app.runs.Backfills;
import dev.routeplan.app.runs.PlanDateFigures;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.runs.RunAlreadyRunning;
import dev.routeplan.app.runs.RunFolders;
import dev.routeplan.app.runs.RunOperations;
import dev.routeplan.app.runs.RunQueries;
import dev.routeplan.app.runs.RunViews;
import dev.routeplan.app.runs.RunsProperties;
import dev.routeplan.batch.job.PlanRunParameters;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /runs} and {@code /runs/{id}}: the runs by plan date with each date's figures, and one
 * run's steps, why it failed and its date's rejected rows, for OPS and PLANNER (the rejected rows
 * and their workbooks for PLANNER, as the rejects API); starting a date (GRAP stage, depots),
 * backfilling a range, restarting, stopping, recovering and abandoning a run for OPS, each after a
 * page that says what will happen. The same use cases as the runs API ({@link RunQueries},
 * {@link RunOperations}, {@link Backfills}), so the same audit rows. While something runs, htmx asks for the table (or the run's steps)
 * again every 2 seconds ({@code HX-Request}: the fragment alone), so the status changes without a
 * reload.
 */
@ConditionalOnWebApplication
@Controller
class RunsPages {

    private static final int PAGE_SIZE = 25;
    private static final int REJECTS_PAGE_SIZE = 20;

    private final RunQueries queries;
    private final RunOperations operations;
    private final Backfills backfills;
    private final PlanDateFigures figures;
    private final PlanInputs inputs;
    private final RejectWorkbooks rejectWorkbooks;
    private final RunsProperties properties;

    RunsPages(RunQueries queries, RunOperations operations, Backfills backfills, PlanDateFigures figures, PlanInputs inputs,
              RejectWorkbooks rejectWorkbooks, RunsProperties properties) {
        this.queries = queries;
        this.operations = operations;
        this.backfills = backfills;
        this.figures = figures;
        this.inputs = inputs;
        this.rejectWorkbooks = rejectWorkbooks;
        this.properties = properties;
    }

    /** The filters of the list, as typed (so the form shows them again) and as parsed. */
    record Filters(String status, String from, String to, int page) {

        RunQueries.Filter parsed(List<String> problems) {
            LocalDate fromDate = date("from", from, problems);
            LocalDate toDate = date("to", to, problems);
            BatchStatus batchStatus = null;
            if (status != null && !status.isBlank()) {
                try {
                    batchStatus = BatchStatus.valueOf(status.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add("status " + status + " is not a status of a run");
                }
            }
            if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
                problems.add("the date range ends before it begins");
            }
            return new RunQueries.Filter(null, fromDate, toDate, batchStatus);
        }

        /** The query string of these filters on another page. */
        public String query(int otherPage) {
            StringBuilder q = new StringBuilder("?page=").append(otherPage);
            if (status != null && !status.isBlank()) {
                q.append("&status=").append(status);
            }
            if (from != null && !from.isBlank()) {
                q.append("&from=").append(from);
            }
            if (to != null && !to.isBlank()) {
                q.append("&to=").append(to);
            }
            return q.toString();
        }

        private static LocalDate date(String name, String value, List<String> problems) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(name + " " + value + " is not a date like 2026-12-01");
                return null;
            }
        }
    }

    /**
     * A start being typed: the fields as sent (so the form shows them again) and what is wrong with
     * each, said beside it. {@code depots} empty means every depot.
     */
    record StartForm(String planDate, String grapStage, List<String> depots, Map<String, String> problems) {

        static StartForm blank(LocalDate today) {
            return new StartForm(today.plusDays(1).toString(), "", List.of(), Map.of());
        }

        public boolean chose(String depot) {
            return depots.contains(depot);
        }
    }

    /** A backfill being typed, as {@link StartForm}. */
    record BackfillForm(String from, String to, String mode, String maxConcurrent, Map<String, String> problems) {

        static BackfillForm blank() {
            return new BackfillForm("", "", Backfills.Mode.MISSING.name(), "1", Map.of());
        }
    }

    @GetMapping("/runs")
    @PreAuthorize("hasAnyRole('OPS', 'PLANNER')")
    String runs(@RequestParam(required = false) String status, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Filters filters = new Filters(status, from, to, Math.max(0, page));
        list(model, filters, null, null);
        return htmx != null ? "console/runs :: table" : "console/runs";
    }

    private String list(Model model, Filters filters, StartForm start, BackfillForm backfill) {
        List<String> problems = new ArrayList<>();
        RunQueries.Filter filter = filters.parsed(problems);
        RunViews.Page<RunViews.Run> runs = problems.isEmpty() ? queries.list(filter, filters.page(), PAGE_SIZE)
                : new RunViews.Page<>(List.of(), 0, PAGE_SIZE, 0);
        LocalDate today = LocalDate.now(ConsoleTimes.ZONE);
        model.addAttribute("filters", filters);
        model.addAttribute("problems", problems);
        model.addAttribute("runs", runs);
        model.addAttribute("figures", figures.ofNewestCompleted(runs.items()));
        model.addAttribute("failures", failures(runs.items()));
        model.addAttribute("statuses", BatchStatus.values());
        model.addAttribute("anyRunning", runs.items().stream().anyMatch(run -> running(run.status())));
        model.addAttribute("lastPage", (runs.total() - 1) / PAGE_SIZE);
        model.addAttribute("today", today);
        model.addAttribute("start", start != null ? start : StartForm.blank(today));
        model.addAttribute("backfill", backfill != null ? backfill : BackfillForm.blank());
        model.addAttribute("knownDepots", queries.depotsOfNewestDate());
        model.addAttribute("modes", Backfills.Mode.values());
        model.addAttribute("maxThreads", properties.backgroundThreads());
        return "console/runs";
    }

    /** Why each failed or stopped run of the page ended, in words (a few reads each: such runs are few). */
    private Map<Long, String> failures(List<RunViews.Run> runs) {
        Map<Long, String> failures = new HashMap<>();
        for (RunViews.Run run : runs) {
            if ("FAILED".equals(run.status()) || "STOPPED".equals(run.status())) {
                queries.detail(run.id()).flatMap(detail -> RunFailure.of(detail, fileNames(detail)))
                        .ifPresent(failure -> failures.put(run.id(), failure.sentence()));
            }
        }
        return failures;
    }

    private Map<Long, String> fileNames(RunViews.RunDetail run) {
        return run.planDate() == null ? Map.of() : inputs.files(run.planDate()).stream()
                .collect(Collectors.toMap(PlanInputs.InputFileRow::id, PlanInputs.InputFileRow::name, (a, b) -> a));
    }

    @GetMapping("/runs/{id}")
    @PreAuthorize("hasAnyRole('OPS', 'PLANNER')")
    String run(@PathVariable long id, @RequestParam(name = "rejects", defaultValue = "0") int rejectsPage,
               @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
               HttpServletResponse response) {
        RunViews.RunDetail run = queries.detail(id).orElse(null);
        if (run == null) {
            return notFound(id, response, model);
        }
        model.addAttribute("run", run);
        model.addAttribute("timeline", RunTimeline.of(run));
        model.addAttribute("running", running(run.status()));
        model.addAttribute("failure", RunFailure.of(run, fileNames(run)).orElse(null));
        if (htmx == null && run.planDate() != null && signedIn(model).may("PLANNER")) {
            // the date's rows, whichever of its runs is shown: a date has one set of rejects, replaced by each attempt
            int pageNumber = Math.max(0, rejectsPage);
            PlanInputs.Page<PlanInputs.RejectRow> rejects = inputs.rejects(run.planDate(), pageNumber, REJECTS_PAGE_SIZE);
            model.addAttribute("rejects", rejects);
            model.addAttribute("rejectsLastPage", Math.max(0, (rejects.total() - 1) / REJECTS_PAGE_SIZE));
            model.addAttribute("rejectWorkbooks", rejectWorkbooks.of(run.planDate()));
        }
        return htmx != null ? "console/run :: detail" : "console/run";
    }

    /** A rejects workbook of the run's date, for PLANNER as the rejects API: the same checked, audited file. */
    @GetMapping("/runs/{id}/rejects/{name}")
    @PreAuthorize("hasRole('PLANNER')")
    Object rejectsWorkbook(@PathVariable long id, @PathVariable String name, Model model, HttpServletResponse response) {
        RunViews.RunDetail run = queries.detail(id).orElse(null);
        if (run == null || run.planDate() == null) {
            return notFound(id, response, model);
        }
        try {
            return Downloads.of(rejectWorkbooks.file(run.planDate(), name));
        } catch (PlanFileException e) {
            response.setStatus(e.getStatusCode().value());
            model.addAttribute("title", "No such workbook");
            model.addAttribute("detail", e.getBody().getDetail());
            return "console/problem";
        }
    }

    /** Start a date: checked (a bad field is said beside it), then the page that says what will happen, then the run. */
    @PostMapping("/runs/start")
    @PreAuthorize("hasRole('OPS')")
    String start(@RequestParam(required = false) String planDate, @RequestParam(required = false) String grapStage,
                 @RequestParam(required = false) List<String> depots, @RequestParam(required = false) String confirmed,
                 Model model, RedirectAttributes redirect) throws JobExecutionException {
        List<String> chosen = depots == null ? List.of() : depots.stream().filter(d -> d != null && !d.isBlank())
                .map(String::strip).toList();
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate date = null;
        try {
            date = LocalDate.parse(planDate == null ? "" : planDate.strip());
        } catch (DateTimeParseException e) {
            problems.put("planDate", (planDate == null || planDate.isBlank() ? "A plan date is needed" : "'" + planDate
                    + "' is not a date") + ", like 2026-12-01.");
        }
        Integer stage = null;
        if (grapStage != null && !grapStage.isBlank()) {
            try {
                stage = Integer.valueOf(grapStage.strip());
            } catch (NumberFormatException e) {
                stage = -1;
            }
            if (stage < 0 || stage > 4) {
                problems.put("grapStage", "The GRAP stage must be 0 to 4, or the date's calendar.");
            }
        }
        for (String depot : chosen) {
            if (!PlanRunParameters.DEPOT_ID.matcher(depot).matches()) {
                problems.put("depots", "'" + depot + "' is not a depot id (1 to 32 letters, digits, '_' or '-').");
            }
        }
        if (!problems.containsKey("depots") && new HashSet<>(chosen).size() != chosen.size()) {
            problems.put("depots", "A depot is named twice.");
        }
        if (!problems.isEmpty()) {
            return list(model, new Filters(null, null, null, 0), new StartForm(planDate, grapStage, chosen, problems), null);
        }
        if (confirmed == null) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("planDate", date.toString());
            if (stage != null) {
                fields.put("grapStage", stage.toString());
            }
            if (!chosen.isEmpty()) {
                fields.put("depots", String.join(",", chosen));
            }
            return confirm(model, "Start " + date, "/runs/start", "/runs", fields, List.of(
                    "Plans " + date + " again from the service's input folder and publishes to its output folder.",
                    "This is the date's next attempt: it replaces that date's plans and outputs; input files already"
                            + " taken in are not read again.",
                    stage == null ? "The GRAP stage is the date's calendar (grap.csv), else none."
                            : "GRAP stage " + stage + " is in force for the whole day, whatever the calendar says.",
                    chosen.isEmpty() ? "Every depot is planned, with 10 seconds of solving per depot."
                            : "Only depot" + (chosen.size() == 1 ? " " : "s ") + String.join(", ", chosen)
                            + (chosen.size() == 1 ? " is" : " are") + " planned, with 10 seconds of solving per depot;"
                            + " the other depots' plans stay as they are."));
        }
        JobExecution execution = operations.start(new RunOperations.StartRequest(date, stage, chosen, null));
        redirect.addFlashAttribute("message", "Started " + date + " as run " + execution.getId() + ".");
        return "redirect:/runs/" + execution.getId();
    }

    /** Plan a range of dates: checked beside the fields, then the dates it will run shown, then queued. */
    @PostMapping("/runs/backfill")
    @PreAuthorize("hasRole('OPS')")
    String backfill(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String mode, @RequestParam(required = false) String maxConcurrent,
                    @RequestParam(required = false) String confirmed, Model model, RedirectAttributes redirect) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate fromDate = backfillDate("from", from, problems);
        LocalDate toDate = backfillDate("to", to, problems);
        if (fromDate != null && toDate != null) {
            if (toDate.isBefore(fromDate)) {
                problems.put("to", "The range ends before it begins: 'to' must be " + fromDate + " or later.");
            } else if (ChronoUnit.DAYS.between(fromDate, toDate) + 1 > properties.backfillMaxDays()) {
                problems.put("to", "A backfill takes at most " + properties.backfillMaxDays() + " days.");
            }
        }
        Backfills.Mode backfillMode = null;
        try {
            backfillMode = Backfills.Mode.valueOf((mode == null || mode.isBlank() ? "MISSING" : mode.strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put("mode", "Choose which dates: MISSING, FAILED or ALL.");
        }
        int concurrent = 0;
        try {
            concurrent = Integer.parseInt(maxConcurrent == null || maxConcurrent.isBlank() ? "1" : maxConcurrent.strip());
        } catch (NumberFormatException e) {
            // said below
        }
        if (concurrent < 1 || concurrent > properties.backgroundThreads()) {
            problems.put("maxConcurrent", "At once must be 1 to " + properties.backgroundThreads() + ".");
        }
        if (!problems.isEmpty()) {
            return list(model, new Filters(null, null, null, 0), null, new BackfillForm(from, to, mode, maxConcurrent, problems));
        }
        Backfills.Request request = new Backfills.Request(fromDate, toDate, backfillMode, concurrent);
        String range = fromDate + " to " + toDate;
        if (confirmed == null) {
            Backfills.Plan plan = backfills.plan(request);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("from", fromDate.toString());
            fields.put("to", toDate.toString());
            fields.put("mode", backfillMode.name());
            fields.put("maxConcurrent", String.valueOf(concurrent));
            List<String> what = new ArrayList<>();
            what.add(switch (backfillMode) {
                case MISSING -> "Plans each date from " + range + " that has never been planned.";
                case FAILED -> "Restarts each date from " + range + " whose latest run FAILED or STOPPED, from its failed step.";
                case ALL -> "Plans every date from " + range + " again, as a new attempt that replaces its plans and outputs.";
            });
            what.add(plan.runs().isEmpty() ? "As things stand that is no date at all: nothing would run."
                    : "As things stand: " + plan.runs().stream().map(RunsPages::item).collect(Collectors.joining("; ")) + ".");
            if (!plan.skipped().isEmpty()) {
                what.add("Left out: " + plan.skipped().stream().map(s -> s.planDate() + " (" + s.reason() + ")")
                        .collect(Collectors.joining(", ")) + ".");
            }
            what.add("At most " + concurrent + " run" + (concurrent == 1 ? "" : "s") + " at once, in date order; the rest"
                    + " wait in this node and are dropped if the service closes.");
            return confirm(model, "Backfill " + range, "/runs/backfill", "/runs", fields, what);
        }
        Backfills.Plan plan = backfills.start(request, RunOperations.DEFAULT_SOLVER_SECONDS);
        redirect.addFlashAttribute("message", plan.runs().isEmpty() ? "Backfill " + range + ": no date to run."
                : "Backfill " + range + " queued: " + plan.runs().stream().map(RunsPages::item).collect(Collectors.joining("; ")) + ".");
        return "redirect:/runs";
    }

    private static String item(Backfills.Item item) {
        return item.restartOf() != null ? "restart run " + item.restartOf() + " of " + item.planDate() : "start " + item.planDate();
    }

    private static LocalDate backfillDate(String field, String value, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            problems.put(field, "A date is needed, like 2026-12-01.");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.put(field, "'" + value + "' is not a date like 2026-12-01.");
            return null;
        }
    }

    @PostMapping("/runs/{id}/restart")
    @PreAuthorize("hasRole('OPS')")
    String restart(@PathVariable long id, @RequestParam(required = false) String confirmed, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) throws JobExecutionException {
        if (confirmed == null) {
            RunViews.RunDetail run = queries.detail(id).orElse(null);
            if (run == null) {
                return notFound(id, response, model);
            }
            RunFailure failure = RunFailure.of(run, fileNames(run)).orElse(null);
            String where = failure == null || failure.step() == null ? "at the step that did not finish"
                    : "at step " + failure.step() + (failure.partition() == null ? "" : ", where partition "
                    + failure.partition() + " did not complete");
            return confirm(model, "Restart run " + id, "/runs/" + id + "/restart", "/runs/" + id, Map.of(), List.of(
                    "Restarts run " + id + " of " + run.planDate() + " (" + run.status() + ") " + where
                            + "; in a partitioned step only the partitions that did not complete run again.",
                    "It keeps the parameters the run was started with; finished steps are not run again.",
                    "The restart is a new run of the same attempt; run " + id + " stays as it ended."));
        }
        JobExecution restarted = operations.restart(id);
        redirect.addFlashAttribute("message", "Run " + id + " restarted as run " + restarted.getId() + ".");
        return "redirect:/runs/" + restarted.getId();
    }

    @PostMapping("/runs/{id}/stop")
    @PreAuthorize("hasRole('OPS')")
    String stop(@PathVariable long id, @RequestParam(required = false) String confirmed, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        if (confirmed == null) {
            RunViews.RunDetail run = queries.detail(id).orElse(null);
            if (run == null) {
                return notFound(id, response, model);
            }
            return confirm(model, "Stop run " + id, "/runs/" + id + "/stop", "/runs/" + id, Map.of(), List.of(
                    "Asks run " + id + " of " + run.planDate() + " to stop: a chunk step stops at its next chunk, a step"
                            + " such as optimise finishes its work first.",
                    "The run ends STOPPED; nothing after the current step is published. It can be restarted later."));
        }
        operations.stop(id);
        redirect.addFlashAttribute("message", "Run " + id + " was asked to stop.");
        return "redirect:/runs/" + id;
    }

    /** A run left STARTED by a node that died: marked FAILED so it can be restarted. */
    @PostMapping("/runs/{id}/recover")
    @PreAuthorize("hasRole('OPS')")
    String recover(@PathVariable long id, @RequestParam(required = false) String confirmed, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        if (confirmed == null) {
            RunViews.RunDetail run = queries.detail(id).orElse(null);
            if (run == null) {
                return notFound(id, response, model);
            }
            return confirm(model, "Recover run " + id, "/runs/" + id + "/recover", "/runs/" + id, Map.of(), List.of(
                    "For a run whose node died: marks run " + id + " of " + run.planDate() + " (" + run.status()
                            + ") FAILED, and frees its date, so it can be restarted.",
                    "It is refused while the run's node is alive and still renews the date's lease: a live run is"
                            + " stopped, not recovered.",
                    "Nothing is planned or published by the recovery itself."));
        }
        operations.recover(id);
        redirect.addFlashAttribute("message", "Run " + id + " recovered: it is FAILED now and can be restarted.");
        return "redirect:/runs/" + id;
    }

    /** A STOPPED run given up: it will not be restarted, the date's next start is a new attempt. */
    @PostMapping("/runs/{id}/abandon")
    @PreAuthorize("hasRole('OPS')")
    String abandon(@PathVariable long id, @RequestParam(required = false) String confirmed, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        if (confirmed == null) {
            RunViews.RunDetail run = queries.detail(id).orElse(null);
            if (run == null) {
                return notFound(id, response, model);
            }
            return confirm(model, "Abandon run " + id, "/runs/" + id + "/abandon", "/runs/" + id, Map.of(), List.of(
                    "Marks run " + id + " of " + run.planDate() + " (" + run.status() + ") ABANDONED: it can never be"
                            + " restarted. Only a STOPPED run is abandoned.",
                    "What it already wrote stays; the date's next start is a new attempt that plans it from the beginning."));
        }
        operations.abandon(id);
        redirect.addFlashAttribute("message", "Run " + id + " abandoned.");
        return "redirect:/runs/" + id;
    }

    /** A refusal of the use case (the date is running, the run cannot be restarted): said on the page it came from. */
    @ExceptionHandler({PlanRuns.PlanRunException.class, RunFolders.Unusable.class})
    String refused(RuntimeException e, RedirectAttributes redirect) {
        String message = e instanceof RunAlreadyRunning running && running.runningExecutionId() != null
                ? "Not started: " + running.planDate() + " is already running as run " + running.runningExecutionId() + "."
                : "Refused: " + e.getMessage() + ".";
        redirect.addFlashAttribute("message", message);
        return "redirect:/runs";
    }

    /** A run gone between the page and the click: said on the list. */
    @ExceptionHandler
    String noSuchRun(RunOperations.NoSuchRun e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", "Refused: " + e.getMessage() + ".");
        return "redirect:/runs";
    }

    private static String confirm(Model model, String title, String action, String back, Map<String, String> fields,
                                  List<String> what) {
        model.addAttribute("title", title);
        model.addAttribute("action", action);
        model.addAttribute("back", back);
        model.addAttribute("fields", fields);
        model.addAttribute("what", what);
        return "console/confirm";
    }

    private static SignedIn signedIn(Model model) {
        return (SignedIn) model.getAttribute("me");
    }

    private static String notFound(long id, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("title", "No such run");
        model.addAttribute("detail", "There is no run " + id + ".");
        return "console/problem";
    }

    static boolean running(String status) {
        return Optional.ofNullable(status).map(s -> BatchStatus.valueOf(s).isRunning()).orElse(false);
    }
}
