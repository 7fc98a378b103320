package dev.routeplan.app.schedule;

import dev.routeplan.app.audit.AuditAction;
import dev.routeplan.app.audit.AuditEntry;
import dev.routeplan.app.audit.AuditLog;
import dev.routeplan.batch.store.PlanDatePurge;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * The retention purge: audit rows older than the audit retention (2,555 days), Spring Batch's job
 * instances whose every execution ended before the batch retention (365 days), and each plan date
 * older than the plan retention (365 days) with its rows and files ({@link PlanDatePurge}), one
 * date at a time, each logged and audited as {@code PURGE plan-date D}.
 */
@Service
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int PAGE = 500;

    private final AuditLog audit;
    private final JobRepository jobs;
    private final PlanDatePurge plans;
    private final SchedulesProperties schedules;

    RetentionPurge(AuditLog audit, JobRepository jobs, PlanDatePurge plans, SchedulesProperties schedules) {
        this.audit = audit;
        this.jobs = jobs;
        this.plans = plans;
        this.schedules = schedules;
    }

    public void purge(Instant now) {
        Instant auditCutoff = now.minus(Duration.ofDays(schedules.retentionPurge().auditDays()));
        audit.purgeOlderThan(auditCutoff);
        log.info("retention purge: audit rows before {} removed", auditCutoff);
        Instant batchCutoff = now.minus(Duration.ofDays(schedules.retentionPurge().batchDays()));
        int instances = purgeJobInstances(LocalDateTime.ofInstant(batchCutoff, ZoneId.systemDefault()));
        log.info("retention purge: {} job instances that ended before {} removed", instances, batchCutoff);
        purgePlanDates(LocalDate.ofInstant(now, schedules.retentionPurge().zone()).minusDays(schedules.retentionPurge().planDays()));
    }

    private void purgePlanDates(LocalDate cutoff) {
        List<LocalDate> dates = plans.datesBefore(cutoff);
        for (LocalDate date : dates) {
            PlanDatePurge.Purged purged = plans.purge(date);
            String detail = purged.totalRows() + " rows " + purged.rows() + ", " + purged.files() + " files";
            log.info("retention purge: plan date {} removed: {}", date, detail);
            audit.append(new AuditEntry(Instant.now(), "retention-purge", Set.of(), AuditAction.PURGE, "plan-date " + date,
                    "scheduler", AuditEntry.Outcome.SUCCEEDED, detail));
        }
        log.info("retention purge: {} plan dates before {} removed", dates.size(), cutoff);
    }

    private int purgeJobInstances(LocalDateTime cutoff) {
        List<JobInstance> expired = new ArrayList<>();
        for (String job : jobs.getJobNames()) {
            for (int start = 0; ; start += PAGE) {
                List<JobInstance> page = jobs.getJobInstances(job, start, PAGE);
                page.stream().filter(instance -> endedBefore(instance, cutoff)).forEach(expired::add);
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        expired.forEach(jobs::deleteJobInstance);
        return expired.size();
    }

    private boolean endedBefore(JobInstance instance, LocalDateTime cutoff) {
        List<JobExecution> executions = jobs.getJobExecutions(instance);
        return !executions.isEmpty() && executions.stream()
                .allMatch(e -> !e.isRunning() && e.getEndTime() != null && e.getEndTime().isBefore(cutoff));
    }
}
