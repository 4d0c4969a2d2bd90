package com.webhookbuffer.bootstrap.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** host.json says what {@link HostSettings} says, and the budget it derives holds. */
class HostSettingsTest {

    static final Path HOST_JSON = Path.of("src/main/azure/host.json");

    @Test
    void hostJsonHoldsTheQueueTriggersSettings() throws IOException {
        JsonNode queues = new ObjectMapper()
                .readTree(HOST_JSON.toFile())
                .path("extensions")
                .path("queues");

        assertThat(queues.path("batchSize").asInt()).isEqualTo(HostSettings.BATCH_SIZE);
        assertThat(queues.path("newBatchThreshold").asInt()).isEqualTo(HostSettings.NEW_BATCH_THRESHOLD);
        assertThat(queues.path("maxDequeueCount").asInt()).isEqualTo(HostSettings.MAX_DEQUEUE_COUNT);
        assertThat(queues.path("visibilityTimeout").asText()).isEqualTo(HostSettings.VISIBILITY_TIMEOUT);
        assertThat(queues.path("messageEncoding").asText())
                .as("what the adapters write")
                .isEqualTo("base64");
    }

    @Test
    void instancesTimesTheirConcurrentMessagesNeverPassTheWorkersConnections() {
        for (int max = 25; max <= 500; max += 5) {
            for (int reserved = 15; reserved <= max - HostSettings.concurrentMessages(); reserved += 5) {
                int instances = HostSettings.maxInstances(max, reserved);
                assertThat(instances).isPositive();
                assertThat(instances * HostSettings.concurrentMessages()).isLessThanOrEqualTo(max - reserved);
                assertThat((instances + 1) * HostSettings.concurrentMessages())
                        .as("no instance left unused")
                        .isGreaterThan(max - reserved);
            }
        }
    }
}
