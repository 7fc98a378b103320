package dev.routeplan.batch.ingest;

import dev.routeplan.batch.store.OrderReject;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.OrderStore.SourcedOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes a chunk's accepted orders and rejected rows in the chunk's one transaction. */
public class IngestOutcomeWriter implements ItemWriter<IngestOutcome> {

    private final LocalDate planDate;
    private final OrderStore orders;

    public IngestOutcomeWriter(LocalDate planDate, OrderStore orders) {
        this.planDate = planDate;
        this.orders = orders;
    }

    @Override
    public void write(Chunk<? extends IngestOutcome> chunk) {
        List<SourcedOrder> accepted = new ArrayList<>();
        List<OrderReject> rejected = new ArrayList<>();
        for (IngestOutcome outcome : chunk) {
            if (outcome.isAccepted()) {
                accepted.add(outcome.accepted());
            } else {
                rejected.add(outcome.rejected());
            }
        }
        orders.write(planDate, accepted);
        orders.insertRejected(planDate, rejected);
    }
}
