package dev.routeplan.batch.remote;

import java.nio.charset.StandardCharsets;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Batch's {@link StepExecutionRequest} on the queue as JSON,
 * {@code {"stepName":"optimiseDepot","stepExecutionId":42}}: readable in RabbitMQ's console, and
 * nothing from the queue is ever deserialized as a Java object. A body that is not such a request
 * cannot be converted, which sends it to the dead-letter queue.
 */
public final class PartitionRequestMessages implements MessageConverter {

    private final JsonMapper json;

    public PartitionRequestMessages(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Message toMessage(Object object, MessageProperties properties) {
        if (!(object instanceof StepExecutionRequest request)) {
            throw new MessageConversionException("only partition requests go to the partition queue, not " + object);
        }
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        byte[] body = json.writeValueAsBytes(json.createObjectNode()
                .put("stepName", request.getStepName())
                .put("stepExecutionId", request.getStepExecutionId()));
        return new Message(body, properties);
    }

    @Override
    public StepExecutionRequest fromMessage(Message message) {
        JsonNode body;
        try {
            body = json.readTree(message.getBody());
        } catch (JacksonException e) {
            throw new MessageConversionException("not a partition request: the body is not JSON (" + preview(message) + ")", e);
        }
        JsonNode stepName = body.get("stepName");
        JsonNode id = body.get("stepExecutionId");
        if (stepName == null || !stepName.isString() || stepName.asString().isBlank() || id == null || !id.canConvertToLong()
                || id.asLong() <= 0) {
            throw new MessageConversionException("not a partition request: it needs a stepName and a positive "
                    + "stepExecutionId (" + preview(message) + ")");
        }
        return new StepExecutionRequest(stepName.asString(), id.asLong());
    }

    private static String preview(Message message) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        return body.length() <= 120 ? body : body.substring(0, 120) + "...";
    }
}
