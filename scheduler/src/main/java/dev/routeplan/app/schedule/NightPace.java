package dev.routeplan.app.schedule;

import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import dev.routeplan.batch.job.PlanRunParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * How long the night's run still needs. Each step's typical duration is the median of the last
 * {@link #HISTORY} completed runs; a step the current run completed tells its pace (its actual
 * durations against those typical ones, so a slow night is expected to stay slow); the remaining
 * steps take their typical duration at that pace, the running one less what it has run already.
 * A run that failed or stopped is reckoned as if restarted now from its failed step. Without a
 * completed run to learn from there is no estimate: only the deadline itself can be checked.
 */
@Component
class NightPace {

    static final int HISTORY = 5;
    /** The newest job instances looked at: a few nights of attempts. */
    private static final int RECENT_INSTANCES = 30;

    private final JobRepository jobs;

    NightPace(JobRepository jobs) {
        this.jobs = jobs;
    }

    Optional<Duration> remaining(LocalDate planDate, Instant now) {
        List<JobExecution> recent = jobs.getJobInstances(NightlyPlanJobConfiguration.JOB_NAME, 0, RECENT_INSTANCES).stream()
                .flatMap(instance -> jobs.getJobExecutions(instance).stream())
                .sorted(Comparator.comparing(JobExecution::getCreateTime).reversed())
                .toList();
        Optional<JobExecution> current = recent.stream().filter(e -> planDate.toString().equals(
                e.getJobParameters().getString(PlanRunParameters.PLAN_DATE))).findFirst();
        List<JobExecution> history = recent.stream().filter(e -> e.getStatus() == BatchStatus.COMPLETED)
                .filter(e -> current.isEmpty() || !Objects.equals(e.getId(), current.get().getId())).limit(HISTORY).toList();
        if (history.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Duration> typical = typicalDurations(history);
        if (current.isPresent() && current.get().getStatus() == BatchStatus.COMPLETED) {
            return Optional.of(Duration.ZERO);
        }
        Map<String, StepExecution> done = new LinkedHashMap<>();
        StepExecution running = null;
        if (current.isPresent()) {
            for (StepExecution step : topLevel(current.get().getStepExecutions())) {
                if (step.getStatus() == BatchStatus.COMPLETED) {
                    done.put(step.getStepName(), step);
                } else if (current.get().isRunning() && step.getStatus().isRunning()) {
                    running = step;
                }
            }
        }
        double pace = pace(done.values(), typical);
        LocalDateTime nowLocal = LocalDateTime.ofInstant(now, ZoneId.systemDefault());
        Duration remaining = Duration.ZERO;
        for (Map.Entry<String, Duration> step : typical.entrySet()) {
            if (done.containsKey(step.getKey())) {
                continue;
            }
            Duration expected = scaled(step.getValue(), pace);
            if (running != null && running.getStepName().equals(step.getKey()) && running.getStartTime() != null) {
                expected = expected.minus(Duration.between(running.getStartTime(), nowLocal));
            }
            remaining = remaining.plus(expected.isNegative() ? Duration.ZERO : expected);
        }
        return Optional.of(remaining);
    }

    /** The median duration of each step, in the order the steps run. */
    private static Map<String, Duration> typicalDurations(List<JobExecution> history) {
        Map<String, List<Duration>> durations = new LinkedHashMap<>();
        for (StepExecution step : topLevel(history.get(0).getStepExecutions())) {
            durations.put(step.getStepName(), new ArrayList<>());
        }
        for (JobExecution execution : history) {
            for (StepExecution step : topLevel(execution.getStepExecutions())) {
                List<Duration> list = durations.get(step.getStepName());
                if (list != null && step.getStartTime() != null && step.getEndTime() != null) {
                    list.add(Duration.between(step.getStartTime(), step.getEndTime()));
                }
            }
        }
        Map<String, Duration> typical = new LinkedHashMap<>();
        durations.forEach((step, list) -> {
            list.sort(Comparator.naturalOrder());
            typical.put(step, list.isEmpty() ? Duration.ZERO : list.get(list.size() / 2));
        });
        return typical;
    }

    /** The current run's duration of its completed steps over their typical one; 1 when it has completed none. */
    private static double pace(Collection<StepExecution> done, Map<String, Duration> typical) {
        long actual = 0;
        long expected = 0;
        for (StepExecution step : done) {
            if (step.getStartTime() != null && step.getEndTime() != null && typical.containsKey(step.getStepName())) {
                actual += Duration.between(step.getStartTime(), step.getEndTime()).toMillis();
                expected += typical.get(step.getStepName()).toMillis();
            }
        }
        return expected <= 0 ? 1 : Math.max(1.0 * actual / expected, 0.1);
    }

    private static Duration scaled(Duration duration, double pace) {
        return Duration.ofMillis(Math.round(duration.toMillis() * pace));
    }

    /** The job's own steps, not the partitions of its partitioned steps ({@code optimise:D1}), by start. */
    private static List<StepExecution> topLevel(Collection<StepExecution> steps) {
        return steps.stream().filter(s -> !s.getStepName().contains(":"))
                .sorted(Comparator.comparing(StepExecution::getStartTime, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
