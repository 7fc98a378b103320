package dev.routeplan.app.delivery;

import dev.routeplan.batch.deliver.PlanDelivery;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.batch.store.PlanRevisionStore.Revision;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** Delivers a date's current plan revisions (SFTP outbox, mail) again, or tells where they stand. */
@Service
public class DeliverPlans {

    private final PlanRevisionStore revisions;
    private final PlanDelivery delivery;

    public DeliverPlans(PlanRevisionStore revisions, PlanDelivery delivery) {
        this.revisions = revisions;
        this.delivery = delivery;
    }

    /** Sends what is PENDING or FAILED; sends nothing when nothing of the date is published. */
    public DeliveryResult deliver(LocalDate planDate) {
        List<Revision> current = revisions.latestOfEach(planDate);
        if (current.isEmpty()) {
            return new DeliveryResult(planDate, current, List.of());
        }
        return new DeliveryResult(planDate, current, delivery.deliver(planDate));
    }

    /** Where the date's current revisions were delivered, without sending anything. */
    public DeliveryResult current(LocalDate planDate) {
        return new DeliveryResult(planDate, revisions.latestOfEach(planDate), delivery.current(planDate));
    }
}
