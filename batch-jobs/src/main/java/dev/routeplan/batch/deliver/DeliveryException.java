package dev.routeplan.batch.deliver;

import dev.routeplan.batch.retry.ServerCallFailed;

/** A revision could not be delivered even after retrying; the message names the server or recipients and the cause. */
public class DeliveryException extends ServerCallFailed {

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
