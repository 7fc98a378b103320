package dev.routeplan.app.schedule;

import dev.routeplan.app.schedule.ScheduleTriggers.InvalidSchedule;
import dev.routeplan.app.schedule.Schedules.DisabledSchedule;
import dev.routeplan.app.schedule.Schedules.UnknownSchedule;
import java.util.List;
import org.quartz.SchedulerException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/v1/schedules}: the schedules listed, changed, paused and resumed by operations. */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/v1/schedules")
class SchedulesApi {

    private final Schedules schedules;

    SchedulesApi(Schedules schedules) {
        this.schedules = schedules;
    }

    /** The schedules listed. */
    record ScheduleList(List<ScheduleView> schedules) {
    }

    /** A change of cron, zone or both; a field left out stays as it is. */
    record ScheduleChange(String cron, String zone) {
    }

    @GetMapping
    @PreAuthorize("hasRole('OPS')")
    ScheduleList list() throws SchedulerException {
        return new ScheduleList(schedules.list());
    }

    @GetMapping("/{name}")
    @PreAuthorize("hasRole('OPS')")
    ScheduleView get(@PathVariable String name) throws SchedulerException {
        return answer(() -> schedules.get(name));
    }

    @PatchMapping("/{name}")
    @PreAuthorize("hasRole('OPS')")
    ScheduleView change(@PathVariable String name, @RequestBody ScheduleChange change) throws SchedulerException {
        return answer(() -> schedules.change(name, change.cron(), change.zone()));
    }

    @PostMapping("/{name}/pause")
    @PreAuthorize("hasRole('OPS')")
    ScheduleView pause(@PathVariable String name) throws SchedulerException {
        return answer(() -> schedules.pause(name));
    }

    @PostMapping("/{name}/resume")
    @PreAuthorize("hasRole('OPS')")
    ScheduleView resume(@PathVariable String name) throws SchedulerException {
        return answer(() -> schedules.resume(name));
    }

    private static ScheduleView answer(Call call) throws SchedulerException {
        try {
            return call.call();
        } catch (UnknownSchedule e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (InvalidSchedule e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (DisabledSchedule e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Call {
        ScheduleView call() throws SchedulerException;
    }
}
