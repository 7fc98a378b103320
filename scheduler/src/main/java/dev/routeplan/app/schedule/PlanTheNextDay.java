package dev.routeplan.app.schedule;

import dev.routeplan.app.runs.PlanDateRuns;
import dev.routeplan.app.runs.RunResult;
import dev.routeplan.app.runs.ServiceFolders;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The nightly schedule's planning: a run of the date from the service's folders, as {@code run} does. */
@Component
class PlanTheNextDay implements NightlyPlanning {

    private static final Logger log = LoggerFactory.getLogger(PlanTheNextDay.class);

    private final PlanDateRuns runs;
    private final ServiceFolders folders;
    private final SchedulesProperties schedules;

    PlanTheNextDay(PlanDateRuns runs, ServiceFolders folders, SchedulesProperties schedules) {
        this.runs = runs;
        this.folders = folders;
        this.schedules = schedules;
    }

    @Override
    public void plan(LocalDate planDate) throws Exception {
        log.info("nightly plan of {} from {} to {}", planDate, folders.input(), folders.output());
        RunResult result = runs.run(planDate, folders.input(), folders.output(), null, schedules.nightlyPlan().solverSeconds());
        if (result.completed()) {
            log.info("nightly plan of {} (attempt {}) COMPLETED in {}", planDate, result.attempt(), result.took());
        } else {
            log.error("nightly plan of {} (attempt {}) ended {}: {}", planDate, result.attempt(), result.status(),
                    result.failure() == null ? "no reason recorded" : result.failure());
        }
    }
}
