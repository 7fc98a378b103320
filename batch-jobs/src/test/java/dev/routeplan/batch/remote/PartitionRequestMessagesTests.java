package dev.routeplan.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import tools.jackson.databind.json.JsonMapper;

class PartitionRequestMessagesTests {

    private final PartitionRequestMessages messages = new PartitionRequestMessages(JsonMapper.builder().build());

    @Test
    void sendsARequestAsJsonThatAWorkerReadsBack() {
        Message sent = messages.toMessage(new StepExecutionRequest("optimiseDepot", 42L), new MessageProperties());

        StepExecutionRequest received = messages.fromMessage(sent);

        assertThat(new String(sent.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"stepName\":\"optimiseDepot\",\"stepExecutionId\":42}");
        assertThat(sent.getMessageProperties().getContentType()).isEqualTo(MessageProperties.CONTENT_TYPE_JSON);
        assertThat(received.getStepName()).isEqualTo("optimiseDepot");
        assertThat(received.getStepExecutionId()).isEqualTo(42L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan everything", "{\"stepName\":\"optimiseDepot\"}", "{\"stepExecutionId\":42}",
            "{\"stepName\":\"optimiseDepot\",\"stepExecutionId\":\"42\"}", "{\"stepName\":\"\",\"stepExecutionId\":42}",
            "{\"stepName\":\"optimiseDepot\",\"stepExecutionId\":-1}", "[42]"})
    void refusesABodyThatIsNotAPartitionRequest(String body) {
        Message message = new Message(body.getBytes(StandardCharsets.UTF_8), new MessageProperties());

        assertThatThrownBy(() -> messages.fromMessage(message))
                .isInstanceOf(MessageConversionException.class)
                .hasMessageStartingWith("not a partition request");
    }

    @Test
    void sendsNothingButPartitionRequests() {
        assertThatThrownBy(() -> messages.toMessage("hello", new MessageProperties()))
                .isInstanceOf(MessageConversionException.class);
    }
}
