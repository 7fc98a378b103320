package dev.routeplan.batch.remote;

import org.springframework.amqp.AmqpRejectAndDontRequeueException;

/** A partition request no worker can run (an unknown step or step execution): rejected, so RabbitMQ dead-letters it. */
final class UnprocessableRequest extends AmqpRejectAndDontRequeueException {

    UnprocessableRequest(String reason) {
        super(reason);
    }
}
