package dev.routeplan.app.schedule;

import dev.routeplan.app.runs.PlanDateRuns;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.app.runs.RunAlreadyRunning;
import dev.routeplan.app.runs.RunResult;
import dev.routeplan.app.runs.RunsProperties;
import dev.routeplan.app.runs.ServiceFolders;
import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** The nightly schedule's planning: a run of the date from the service's folders, as {@code run} does. */
@Component
class PlanTheNextDay implements NightlyPlanning {

    private static final Logger log = LoggerFactory.getLogger(PlanTheNextDay.class);

    private final PlanDateRuns runs;
    private final PlanRuns planRuns;
    private final ServiceFolders folders;
    private final SchedulesProperties schedules;
    private final RunsProperties runsProperties;

    PlanTheNextDay(PlanDateRuns runs, PlanRuns planRuns, ServiceFolders folders, SchedulesProperties schedules,
                   RunsProperties runsProperties) {
        this.runs = runs;
        this.planRuns = planRuns;
        this.folders = folders;
        this.schedules = schedules;
        this.runsProperties = runsProperties;
    }

    @Override
    public void plan(LocalDate planDate) throws Exception {
        log.info("nightly plan of {} from {} to {}", planDate, folders.input(), folders.output());
        report(planDate, runs.run(planDate, folders.input(), folders.output(), null, schedules.nightlyPlan().solverSeconds()));
    }

    @Override
    public void resume(LocalDate planDate, Instant firedAt) throws Exception {
        Optional<JobExecution> started = planRuns.latestExecution(NightlyPlanJobConfiguration.JOB_NAME, planDate)
                .filter(e -> !e.getCreateTime().atZone(ZoneId.systemDefault()).toInstant().isBefore(firedAt));
        if (started.isEmpty()) {
            log.info("nightly plan of {}: the dead node had not started its run; planning it here", planDate);
            plan(planDate);
        } else if (started.get().getStatus() == BatchStatus.COMPLETED) {
            log.info("nightly plan of {}: run {} had completed before its node died; nothing to do",
                    planDate, started.get().getId());
        } else {
            report(planDate, restartWhenItsLeaseLapses(planDate, started.get()));
        }
    }

    /**
     * Quartz finds the dead node within seconds; the run's lease is only given up after
     * {@code routeplan.runs.stale-after} (a node on this host that has ended, at once), so the
     * restart is tried again until then, and a little longer for the last heartbeat to age.
     */
    private RunResult restartWhenItsLeaseLapses(LocalDate planDate, JobExecution started) throws Exception {
        Instant giveUp = Instant.now().plus(runsProperties.staleAfter()).plus(runsProperties.heartbeat().multipliedBy(2));
        while (true) {
            try {
                log.info("nightly plan of {}: restarting run {} of the dead node from its failed step", planDate, started.getId());
                return runs.restart(planDate, true);
            } catch (RunAlreadyRunning stillLeased) {
                if (Instant.now().isAfter(giveUp)) {
                    throw stillLeased;
                }
                log.info("nightly plan of {}: {}; waiting for the lease to lapse", planDate, stillLeased.getMessage());
                Thread.sleep(Duration.ofSeconds(1).toMillis());
            }
        }
    }

    private static void report(LocalDate planDate, RunResult result) {
        if (result.completed()) {
            log.info("nightly plan of {} (attempt {}) COMPLETED in {}", planDate, result.attempt(), result.took());
        } else {
            log.error("nightly plan of {} (attempt {}) ended {}: {}", planDate, result.attempt(), result.status(),
                    result.failure() == null ? "no reason recorded" : result.failure());
        }
    }
}
