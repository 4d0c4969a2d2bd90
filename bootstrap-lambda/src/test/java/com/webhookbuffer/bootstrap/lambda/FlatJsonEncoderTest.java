package com.webhookbuffer.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class FlatJsonEncoderTest {

    @Test
    void keyValuePairsBecomeTopLevelFieldsOfOneJsonLine() throws Exception {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(
                "fqcn",
                context.getLogger("com.webhookbuffer.adapter.aws.X"),
                Level.INFO,
                "webhook request {}",
                null,
                new Object[] {"accepted"});
        event.addKeyValuePair(new KeyValuePair("correlationId", "req-\"1\""));
        event.addKeyValuePair(new KeyValuePair("status", 202));
        event.addKeyValuePair(new KeyValuePair("returnedToQueue", false));

        String line = new String(new FlatJsonEncoder().encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("message").asText()).isEqualTo("webhook request accepted");
        assertThat(json.get("correlationId").asText()).isEqualTo("req-\"1\"");
        assertThat(json.get("status").isInt()).isTrue();
        assertThat(json.get("returnedToQueue").isBoolean()).isTrue();
    }
}
