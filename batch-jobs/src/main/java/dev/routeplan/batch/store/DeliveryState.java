package dev.routeplan.batch.store;

/** Where a delivery stands; the name is the value in {@code deliveries.status}. */
public enum DeliveryState {
    /** Recorded, not tried yet. */
    PENDING,
    /** Went out. */
    SENT,
    /** The last try failed; a later run or {@code routeplan deliver} tries again. */
    FAILED
}
