package dev.routeplan.app.console;

import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.runs.RunAlreadyRunning;
import dev.routeplan.app.runs.RunFolders;
import dev.routeplan.app.runs.RunOperations;
import dev.routeplan.app.runs.RunQueries;
import dev.routeplan.app.runs.RunViews;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * {@code /runs} and {@code /runs/{id}}: the runs by plan date and one run's steps, for OPS and
 * PLANNER; starting a date, restarting and stopping a run for OPS, each after a page that says
 * what will happen. The same use cases as the runs API ({@link RunQueries}, {@link RunOperations}),
 * so the same audit rows. While something runs, htmx asks for the table (or the run's steps)
 * again every 2 seconds ({@code HX-Request}: the fragment alone), so the status changes without a
 * reload.
 */
@ConditionalOnWebApplication
@Controller
class RunsPages {

    private static final int PAGE_SIZE = 25;

    private final RunQueries queries;
    private final RunOperations operations;

    RunsPages(RunQueries queries, RunOperations operations) {
        this.queries = queries;
        this.operations = operations;
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

    @GetMapping("/runs")
    @PreAuthorize("hasAnyRole('OPS', 'PLANNER')")
    String runs(@RequestParam(required = false) String status, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Filters filters = new Filters(status, from, to, Math.max(0, page));
        List<String> problems = new ArrayList<>();
        RunQueries.Filter filter = filters.parsed(problems);
        RunViews.Page<RunViews.Run> runs = problems.isEmpty() ? queries.list(filter, filters.page(), PAGE_SIZE)
                : new RunViews.Page<>(List.of(), 0, PAGE_SIZE, 0);
        model.addAttribute("filters", filters);
        model.addAttribute("problems", problems);
        model.addAttribute("runs", runs);
        model.addAttribute("statuses", BatchStatus.values());
        model.addAttribute("anyRunning", runs.items().stream().anyMatch(run -> running(run.status())));
        model.addAttribute("lastPage", (runs.total() - 1) / PAGE_SIZE);
        model.addAttribute("today", LocalDate.now(ConsoleTimes.ZONE));
        return htmx != null ? "console/runs :: table" : "console/runs";
    }

    @GetMapping("/runs/{id}")
    @PreAuthorize("hasAnyRole('OPS', 'PLANNER')")
    String run(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
               HttpServletResponse response) {
        RunViews.RunDetail run = queries.detail(id).orElse(null);
        if (run == null) {
            return notFound(id, response, model);
        }
        model.addAttribute("run", run);
        model.addAttribute("timeline", RunTimeline.of(run));
        model.addAttribute("running", running(run.status()));
        return htmx != null ? "console/run :: detail" : "console/run";
    }

    /** Start a date: first the page that says what will happen, then (confirmed) the run. */
    @PostMapping("/runs/start")
    @PreAuthorize("hasRole('OPS')")
    String start(@RequestParam String planDate, @RequestParam(required = false) Integer grapStage,
                 @RequestParam(required = false) String confirmed, Model model, RedirectAttributes redirect)
            throws JobExecutionException {
        LocalDate date;
        try {
            date = LocalDate.parse(planDate);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("message", "Not started: " + planDate + " is not a date like 2026-12-01.");
            return "redirect:/runs";
        }
        if (grapStage != null && (grapStage < 0 || grapStage > 4)) {
            redirect.addFlashAttribute("message", "Not started: the GRAP stage must be 0 to 4.");
            return "redirect:/runs";
        }
        if (confirmed == null) {
            model.addAttribute("title", "Start " + date);
            model.addAttribute("action", "/runs/start");
            model.addAttribute("planDate", date);
            model.addAttribute("grapStage", grapStage);
            model.addAttribute("what", List.of(
                    "Plans " + date + " again from the service's input folder and publishes to its output folder.",
                    "This is the date's next attempt: it replaces that date's plans and outputs; input files already"
                            + " taken in are not read again.",
                    grapStage == null ? "The GRAP stage is the date's calendar (grap.csv), else none."
                            : "GRAP stage " + grapStage + " is in force for the whole day, whatever the calendar says.",
                    "Every depot is planned, with 10 seconds of solving per depot."));
            return "console/confirm";
        }
        JobExecution execution = operations.start(new RunOperations.StartRequest(date, grapStage, List.of(), null));
        redirect.addFlashAttribute("message", "Started " + date + " as run " + execution.getId() + ".");
        return "redirect:/runs/" + execution.getId();
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
            model.addAttribute("title", "Restart run " + id);
            model.addAttribute("action", "/runs/" + id + "/restart");
            model.addAttribute("what", List.of(
                    "Restarts run " + id + " of " + run.planDate() + " (" + run.status() + ") at the step that did not"
                            + " finish; in a partitioned step only the partitions that did not complete run again.",
                    "It keeps the parameters the run was started with; finished steps are not run again.",
                    "The restart is a new run of the same attempt; run " + id + " stays as it ended."));
            return "console/confirm";
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
            model.addAttribute("title", "Stop run " + id);
            model.addAttribute("action", "/runs/" + id + "/stop");
            model.addAttribute("what", List.of(
                    "Asks run " + id + " of " + run.planDate() + " to stop: a chunk step stops at its next chunk, a step"
                            + " such as optimise finishes its work first.",
                    "The run ends STOPPED; nothing after the current step is published. It can be restarted later."));
            return "console/confirm";
        }
        operations.stop(id);
        redirect.addFlashAttribute("message", "Run " + id + " was asked to stop.");
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
