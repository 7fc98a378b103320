package dev.routeplan.app.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The weekly retention purge. */
@DisallowConcurrentExecution
public class RetentionPurgeJob extends QuartzJobBean {

    private final RetentionPurge purge;

    public RetentionPurgeJob(RetentionPurge purge) {
        this.purge = purge;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        purge.purge(context.getFireTime().toInstant());
    }
}
