package dev.routeplan.app.schedule;

import dev.routeplan.app.delivery.DeliverPlans;
import dev.routeplan.app.delivery.DeliveryResult;
import dev.routeplan.batch.store.DeliveryStore;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The delivery retry: each recent date with a delivery that did not go out is delivered again
 * through {@link DeliverPlans}, which sends only what is not SENT yet.
 */
@Service
public class RetryDeliveries {

    private static final Logger log = LoggerFactory.getLogger(RetryDeliveries.class);

    private final DeliveryStore deliveries;
    private final DeliverPlans deliver;
    private final SchedulesProperties schedules;

    RetryDeliveries(DeliveryStore deliveries, DeliverPlans deliver, SchedulesProperties schedules) {
        this.deliveries = deliveries;
        this.deliver = deliver;
        this.schedules = schedules;
    }

    /** @param today the day of the firing (IST); dates from {@code withinDays} before it are retried */
    public void retry(LocalDate today) {
        for (LocalDate date : deliveries.datesNotSentSince(today.minusDays(schedules.deliveryRetry().withinDays()))) {
            DeliveryResult result = deliver.deliver(date);
            if (result.notSent() > 0) {
                log.warn("delivery retry of {}: {} deliveries still not sent", date, result.notSent());
            } else {
                log.info("delivery retry of {}: everything sent", date);
            }
        }
    }
}
