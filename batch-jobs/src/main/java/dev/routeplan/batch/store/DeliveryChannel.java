package dev.routeplan.batch.store;

/** How a revision goes out; the name is the value in {@code deliveries.channel}. */
public enum DeliveryChannel {
    /** The published files, uploaded to the SFTP outbox. */
    SFTP,
    /** The compliance report, mailed to the compliance officers. */
    MAIL
}
