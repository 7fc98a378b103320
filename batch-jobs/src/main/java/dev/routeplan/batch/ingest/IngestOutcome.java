package dev.routeplan.batch.ingest;

import dev.routeplan.batch.store.OrderReject;
import dev.routeplan.batch.store.OrderStore.SourcedOrder;

/** What became of one row: exactly one of accepted or rejected is set. */
public record IngestOutcome(SourcedOrder accepted, OrderReject rejected) {

    public static IngestOutcome accept(SourcedOrder order) {
        return new IngestOutcome(order, null);
    }

    public static IngestOutcome reject(OrderReject reject) {
        return new IngestOutcome(null, reject);
    }

    public boolean isAccepted() {
        return accepted != null;
    }
}
