package dev.routeplan.app.runs;

import dev.routeplan.app.audit.Audit;
import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.batch.job.NightlyPlanJobConfiguration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Plans a range of dates: those never planned, those whose latest run failed (restarted), or all
 * (a new attempt each). At most {@code maxConcurrent} run at once; the rest wait in this process,
 * in date order, and are dropped if the service closes.
 */
@Service
public class Backfills {

    private static final Logger log = LoggerFactory.getLogger(Backfills.class);

    /** Which dates of the range to plan. */
    public enum Mode {
        /** dates with no planning run */
        MISSING,
        /** dates whose latest planning run FAILED or STOPPED: restarted from the failed step */
        FAILED,
        /** every date: a new attempt */
        ALL
    }

    public record Request(LocalDate from, LocalDate to, Mode mode, int maxConcurrent) {
    }

    /** What a backfill will do for one date: START a new attempt, or RESTART run {@code restartOf}. */
    public record Item(LocalDate planDate, String action, Long restartOf) {
    }

    /** A date of the range left out, and why. */
    public record Skipped(LocalDate planDate, String reason) {
    }

    public record Plan(List<Item> runs, List<Skipped> skipped, int maxConcurrent) {
    }

    private final PlanRuns runs;
    private final RunOperations operations;
    private final RunLeases leases;
    private final JobRepository jobRepository;
    private final Audit audit;
    private final List<ExecutorService> queues = new ArrayList<>();

    Backfills(PlanRuns runs, RunOperations operations, RunLeases leases, JobRepository jobRepository, Audit audit) {
        this.runs = runs;
        this.operations = operations;
        this.leases = leases;
        this.jobRepository = jobRepository;
        this.audit = audit;
    }

    /** Decides what to run, queues it, and answers the plan at once. */
    public Plan start(Request request, double solverSeconds) {
        Plan plan = plan(request);
        audit.succeeded(AuditAction.BACKFILL, "plan-dates " + request.from() + ".." + request.to(),
                "mode=" + request.mode() + ", maxConcurrent=" + request.maxConcurrent() + ", runs="
                        + plan.runs().stream().map(i -> i.planDate() + ":" + i.action()).toList());
        if (!plan.runs().isEmpty()) {
            ExecutorService queue = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "backfill-" + request.from());
                thread.setDaemon(true);
                return thread;
            });
            synchronized (queues) {
                queues.removeIf(ExecutorService::isTerminated);
                queues.add(queue);
            }
            queue.execute(() -> work(plan, solverSeconds));
            queue.shutdown();
        }
        return plan;
    }

    /** What {@link #start} would run for the request now, without running anything (a confirmation shows it). */
    public Plan plan(Request request) {
        List<Item> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
            LocalDate date = day;
            Optional<JobExecution> latest = runs.latestExecution(NightlyPlanJobConfiguration.JOB_NAME, date);
            if (leases.find(date).filter(leases::alive).isPresent()) {
                skipped.add(new Skipped(date, "being run"));
                continue;
            }
            switch (request.mode()) {
                case MISSING -> {
                    if (latest.isEmpty()) {
                        items.add(new Item(date, "START", null));
                    }
                }
                case FAILED -> latest.filter(e -> e.getStatus() == BatchStatus.FAILED || e.getStatus() == BatchStatus.STOPPED)
                        .ifPresent(e -> items.add(new Item(date, "RESTART", e.getId())));
                case ALL -> items.add(new Item(date, "START", null));
            }
        }
        return new Plan(List.copyOf(items), List.copyOf(skipped), request.maxConcurrent());
    }

    private void work(Plan plan, double solverSeconds) {
        List<Long> started = new ArrayList<>();
        for (Item item : plan.runs()) {
            try {
                while (running(started) >= plan.maxConcurrent()) {
                    Thread.sleep(1000);
                }
                JobExecution execution = item.restartOf() != null ? operations.restart(item.restartOf())
                        : operations.start(new RunOperations.StartRequest(item.planDate(), null, List.of(), solverSeconds));
                started.add(execution.getId());
            } catch (InterruptedException e) {
                log.warn("backfill stopped before {}: the service is closing", item.planDate());
                return;
            } catch (Exception e) {
                // the operation put its refusal on the audit log; the backfill goes on with the next date
                log.warn("backfill could not run {}: {}", item.planDate(), e.getMessage());
            }
        }
    }

    private long running(List<Long> ids) {
        return ids.stream().map(id -> RunQueries.find(jobRepository, id)).flatMap(Optional::stream)
                .filter(JobExecution::isRunning).count();
    }

    /** Drops what is still queued before the running jobs are stopped: nothing new starts while the service closes. */
    @EventListener(ContextClosedEvent.class)
    void dropQueues() {
        synchronized (queues) {
            queues.forEach(ExecutorService::shutdownNow);
            queues.clear();
        }
    }
}
