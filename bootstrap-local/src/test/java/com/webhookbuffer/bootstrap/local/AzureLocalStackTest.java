package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webhookbuffer.adapter.azure.message.StorageQueue;
import com.webhookbuffer.adapter.azure.out.AzureMessageQueue;
import com.webhookbuffer.bootstrap.local.cloud.LocalAzure;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.webhookbuffer.standin.azure.Azurite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The swap in one variable: the same local stack with {@code CLOUD=azure} plays Azure (Azurite, the Functions host's
 * HTTP request and queue trigger, the functions wired as on Azure) instead of AWS, and a webhook goes in and is
 * written just the same; poison ends in the poison queue with its reason, seen through the same {@code /status}.
 */
class AzureLocalStackTest {

    @TempDir
    Path state;

    @Test
    void withCloudAzureAWebhookIsWrittenAndPoisonIsKeptWithItsReason() throws Exception {
        Assumptions.assumeTrue(
                Azurite.unavailable().isEmpty(), () -> Azurite.unavailable().orElseThrow());
        shareTheProjectsAzurite();
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        try (LocalStack stack = LocalStack.start(
                        LocalSettings.from(Map.of(
                                LocalSettings.CLOUD, "azure",
                                LocalSettings.HTTP_PORT, "0",
                                LocalSettings.AZURITE_BLOB_PORT, "0",
                                LocalSettings.AZURITE_QUEUE_PORT, "0",
                                LocalSettings.LOCAL_STATE_DIR, state.toString(),
                                LocalSettings.DB_MAX_CONNECTIONS, "4",
                                LocalSettings.VISIBILITY_TIMEOUT_SECONDS, "5")),
                        new PrintStream(banner, true, StandardCharsets.UTF_8));
                StackClient client = new StackClient(stack.baseUri(), stack.secret())) {
            assertThat(banner.toString(StandardCharsets.UTF_8))
                    .contains("Azurite")
                    .doesNotContain("SQS ");

            assertThat(client.postSigned(
                                    "wh_local_azure",
                                    SampleWebhooks.order("ord_local_azure", 1).json())
                            .statusCode())
                    .isEqualTo(202);
            assertThat(client.postSigned(
                                    "wh_local_azure",
                                    SampleWebhooks.order("ord_local_azure", 1).json())
                            .statusCode())
                    .as("a retry of the sender")
                    .isEqualTo(202);
            String connection = banner.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> line.contains("DefaultEndpointsProtocol"))
                    .findFirst()
                    .orElseThrow()
                    .replaceFirst("^\\s*Azurite\\s+", "");
            new AzureMessageQueue(StorageQueue.connect(connection, LocalAzure.QUEUE_NAME))
                    .publish(new QueuedWebhook(
                            WebhookId.of("wh_local_poison"), Instant.now(), CorrelationId.of("req-poison"), "{}"));

            JsonNode settled = client.awaitStatus(
                    Duration.ofSeconds(30),
                    s -> s.get("counts").get("written").asLong() == 1
                            && s.get("counts").get("duplicate").asLong() == 1
                            && s.get("queue").get("deadLetterDepth").asLong() == 1);

            assertThat(settled.get("counts").get("deadLettered").asLong()).isEqualTo(1);
            int queuePort =
                    Integer.parseInt(connection.replaceFirst(".*QueueEndpoint=http://127.0.0.1:(\\d+)/.*", "$1"));
            int blobPort = Integer.parseInt(connection.replaceFirst(".*BlobEndpoint=http://127.0.0.1:(\\d+)/.*", "$1"));
            ByteArrayOutputStream listed = new ByteArrayOutputStream();
            int status = RunLocal.run(
                    java.util.List.of("dlq", "list"),
                    Map.of(
                            LocalSettings.CLOUD,
                            "azure",
                            LocalSettings.AZURITE_QUEUE_PORT,
                            Integer.toString(queuePort),
                            LocalSettings.AZURITE_BLOB_PORT,
                            Integer.toString(blobPort)),
                    new PrintStream(listed, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream()));
            assertThat(status).isZero();
            assertThat(listed.toString(StandardCharsets.UTF_8))
                    .contains("webhook wh_local_poison")
                    .contains("reason: invalid payload")
                    .contains("1 dead letter(s) in orders-poison");
            assertThat(StackClient.count(
                            stack.database(), "SELECT count(*) FROM orders WHERE order_id = 'ord_local_azure'"))
                    .isEqualTo(1);
        }
    }

    /** Azurite is installed once for the project's tests; the stack finds it where it would install its own. */
    private void shareTheProjectsAzurite() throws IOException {
        Path shared =
                Path.of(System.getProperty("azurite.home", "target/azurite")).toAbsolutePath();
        Files.createDirectories(shared);
        Files.createSymbolicLink(state.resolve(LocalAzure.INSTALL_FOLDER), shared);
    }
}
