package dev.routeplan.app.console;

import dev.routeplan.app.schedule.ScheduleTriggers.InvalidSchedule;
import dev.routeplan.app.schedule.ScheduleView;
import dev.routeplan.app.schedule.Schedules;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartz.SchedulerException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /schedules} for OPS: the Quartz schedules with their next fire time and publish-by
 * deadline; pause, resume and a change of cron and zone, each after a page that says what will
 * happen. The same {@link Schedules} as the schedules API, so the same job store and audit rows.
 */
@ConditionalOnWebApplication
@Controller
class SchedulesPages {

    private final Schedules schedules;

    SchedulesPages(Schedules schedules) {
        this.schedules = schedules;
    }

    /** A change being typed: which schedule, what was typed and what is wrong with it (shown beside the field). */
    record Edit(String name, String cron, String zone, String problem) {
    }

    @GetMapping("/schedules")
    @PreAuthorize("hasRole('OPS')")
    String schedules(Model model) throws SchedulerException {
        return list(model, null);
    }

    @PostMapping("/schedules/{name}/pause")
    @PreAuthorize("hasRole('OPS')")
    String pause(@PathVariable String name, @RequestParam(required = false) String confirmed, Model model,
                 RedirectAttributes redirect) throws SchedulerException {
        if (confirmed == null) {
            ScheduleView schedule = schedules.get(name);
            return confirm(model, "Pause schedule " + name, "/schedules/" + name + "/pause", Map.of(), List.of(
                    "Schedule " + name + " (" + schedule.description() + ") does not fire until it is resumed"
                            + (schedule.nextFireTime() == null ? "." : "; its next firing, "
                            + when(schedule.nextFireTime()) + ", is skipped while it stays paused."),
                    "A run it started already goes on.",
                    "The pause is kept in the job store: it holds across restarts and on every node."));
        }
        schedules.pause(name);
        redirect.addFlashAttribute("message", "Schedule " + name + " paused.");
        return "redirect:/schedules";
    }

    @PostMapping("/schedules/{name}/resume")
    @PreAuthorize("hasRole('OPS')")
    String resume(@PathVariable String name, @RequestParam(required = false) String confirmed, Model model,
                  RedirectAttributes redirect) throws SchedulerException {
        if (confirmed == null) {
            ScheduleView schedule = schedules.get(name);
            return confirm(model, "Resume schedule " + name, "/schedules/" + name + "/resume", Map.of(), List.of(
                    "Schedule " + name + " (" + schedule.description() + ") fires again on its cron "
                            + schedule.cron() + " (" + schedule.zone() + ").",
                    "A firing missed while it was paused runs once now, then it keeps to its cron."));
        }
        schedules.resume(name);
        redirect.addFlashAttribute("message", "Schedule " + name + " resumed.");
        return "redirect:/schedules";
    }

    /** A new cron and zone: checked first (a bad one is said beside the field), then asked, then changed. */
    @PostMapping("/schedules/{name}/change")
    @PreAuthorize("hasRole('OPS')")
    String change(@PathVariable String name, @RequestParam(required = false) String cron,
                  @RequestParam(required = false) String zone, @RequestParam(required = false) String confirmed,
                  Model model, RedirectAttributes redirect) throws SchedulerException {
        ScheduleView schedule = schedules.get(name);
        String newZone = zone == null || zone.isBlank() ? schedule.zone() : zone.strip();
        OffsetDateTime next;
        try {
            next = schedules.nextFireTimeIf(cron, newZone);
        } catch (InvalidSchedule e) {
            return list(model, new Edit(name, cron, zone, e.getMessage()));
        }
        if (confirmed == null) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("cron", cron.strip());
            fields.put("zone", newZone);
            return confirm(model, "Change schedule " + name, "/schedules/" + name + "/change", fields, List.of(
                    "Schedule " + name + " (" + schedule.description() + ") fires on cron " + cron.strip() + " in "
                            + newZone + " instead of " + schedule.cron() + " in " + schedule.zone() + ".",
                    next == null ? "With this cron it never fires again."
                            : "Its next firing becomes " + when(next) + " (was " + when(schedule.nextFireTime()) + ").",
                    schedule.state() == ScheduleView.State.PAUSED ? "It stays paused." : "It stays as it is: "
                            + schedule.state() + "."));
        }
        try {
            schedules.change(name, cron, newZone);
        } catch (InvalidSchedule e) {
            // refused (and audited as refused) by the same call as the API's
            return list(model, new Edit(name, cron, zone, e.getMessage()));
        }
        redirect.addFlashAttribute("message", "Schedule " + name + " now fires on " + cron.strip() + " (" + newZone + ").");
        return "redirect:/schedules";
    }

    /** No such schedule, or one disabled in configuration: said on the list. */
    @ExceptionHandler({Schedules.UnknownSchedule.class, Schedules.DisabledSchedule.class})
    String refused(RuntimeException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", "Refused: " + e.getMessage() + ".");
        return "redirect:/schedules";
    }

    private String list(Model model, Edit edit) throws SchedulerException {
        model.addAttribute("schedules", schedules.list());
        model.addAttribute("edit", edit);
        return "console/schedules";
    }

    private static String confirm(Model model, String title, String action, Map<String, String> fields, List<String> what) {
        model.addAttribute("title", title);
        model.addAttribute("action", action);
        model.addAttribute("fields", fields);
        model.addAttribute("back", "/schedules");
        model.addAttribute("what", what);
        return "console/confirm";
    }

    private static String when(OffsetDateTime time) {
        return time == null ? "none" : new ConsoleTimes().dateTime(time.toInstant()) + " IST";
    }
}
