package dev.routeplan.batch.deliver;

/** A revision could not be delivered even after retrying; the message names the server or recipients and the cause. */
public class DeliveryException extends RuntimeException {

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
