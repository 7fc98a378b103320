package dev.routeplan.app.delivery;

import dev.routeplan.batch.store.DeliveryStore.Delivery;
import dev.routeplan.batch.store.PlanRevisionStore.Revision;
import java.time.LocalDate;
import java.util.List;

/** The current revision of each of a date's published plans, and where each has been delivered. */
public record DeliveryResult(LocalDate planDate, List<Revision> revisions, List<Delivery> deliveries) {

    public DeliveryResult {
        revisions = List.copyOf(revisions);
        deliveries = List.copyOf(deliveries);
    }

    /** False when no run of the date has published anything yet: there is nothing to deliver. */
    public boolean published() {
        return !revisions.isEmpty();
    }

    /** Deliveries still PENDING or FAILED; the next run of the date, or {@link DeliverPlans#deliver}, retries them. */
    public long notSent() {
        return deliveries.stream().filter(d -> !d.sent()).count();
    }
}
