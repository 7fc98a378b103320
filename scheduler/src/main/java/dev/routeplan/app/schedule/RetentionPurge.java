package dev.routeplan.app.schedule;

import dev.routeplan.app.audit.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * The retention purge: audit rows older than the audit retention (2,555 days), and Spring Batch's
 * job instances whose every execution ended before the batch retention (365 days). Plans and
 * their files are kept: they are keyed by date, not by execution.
 */
@Service
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int PAGE = 500;

    private final AuditLog audit;
    private final JobRepository jobs;
    private final SchedulesProperties schedules;

    RetentionPurge(AuditLog audit, JobRepository jobs, SchedulesProperties schedules) {
        this.audit = audit;
        this.jobs = jobs;
        this.schedules = schedules;
    }

    public void purge(Instant now) {
        Instant auditCutoff = now.minus(Duration.ofDays(schedules.retentionPurge().auditDays()));
        audit.purgeOlderThan(auditCutoff);
        log.info("retention purge: audit rows before {} removed", auditCutoff);
        Instant batchCutoff = now.minus(Duration.ofDays(schedules.retentionPurge().batchDays()));
        int instances = purgeJobInstances(LocalDateTime.ofInstant(batchCutoff, ZoneId.systemDefault()));
        log.info("retention purge: {} job instances that ended before {} removed", instances, batchCutoff);
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
