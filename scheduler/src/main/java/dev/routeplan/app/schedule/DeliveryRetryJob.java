package dev.routeplan.app.schedule;

import java.time.LocalDate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The hourly delivery retry: the recent dates' deliveries that did not go out are sent again. */
@DisallowConcurrentExecution
public class DeliveryRetryJob extends QuartzJobBean {

    private final RetryDeliveries deliveries;

    public DeliveryRetryJob(RetryDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        deliveries.retry(LocalDate.ofInstant(context.getFireTime().toInstant(), ScheduleName.BUSINESS_ZONE));
    }
}
