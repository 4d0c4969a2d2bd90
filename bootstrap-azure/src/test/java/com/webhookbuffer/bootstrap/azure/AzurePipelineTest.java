package com.webhookbuffer.bootstrap.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.queue.models.QueueMessageItem;
import com.webhookbuffer.adapter.azure.TestAzurite;
import com.webhookbuffer.adapter.azure.message.StorageQueue;
import com.webhookbuffer.adapter.azure.out.AzureDeadLetterQueue;
import com.webhookbuffer.adapter.azure.out.AzureMessageQueue;
import com.webhookbuffer.adapter.persistence.ConnectionPool;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.TestPostgres;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.domain.processing.RetryBackoff;
import com.webhookbuffer.domain.processing.RetryPolicy;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import com.webhookbuffer.standin.azure.FunctionsHostQueue;
import com.webhookbuffer.standin.azure.FunctionsHttpRequest;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Both Azure Functions, wired from app settings as on Azure, with Azurite in the middle and PostgreSQL at the end; the
 * Functions host (which cannot be installed here) played by {@link FunctionsHostQueue} and
 * {@link FunctionsHttpRequest}: webhooks sent twice and out of order end written once at their highest version,
 * poison lands in the poison queue with its reason, and a database outage is answered by retry-later.
 */
class AzurePipelineTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final StorageQueue storage = TestAzurite.newQueue();
    private final FunctionsHostQueue host = new FunctionsHostQueue(
            storage.queue(), storage.poison(), Duration.ofSeconds(30), HostSettings.MAX_DEQUEUE_COUNT);

    private Map<String, String> appSettings(DatabaseSettings db) {
        Map<String, String> settings = new HashMap<>();
        settings.put("STORAGE_CONNECTION", TestAzurite.connectionString());
        settings.put("QUEUE_NAME", storage.queue().getQueueName());
        settings.put("WEBHOOK_SECRETS", SECRET);
        settings.put("DB_URL", db.jdbcUrl());
        settings.put("DB_USER", db.user());
        settings.put("DB_PASSWORD", db.password());
        settings.put("DB_POOL_SIZE", Integer.toString(HostSettings.concurrentMessages()));
        settings.put("RETRY_BACKOFF_BASE_SECONDS", "1");
        settings.put("RETRY_BACKOFF_CAP_SECONDS", "1");
        return settings;
    }

    private static int post(AzureWiring.Ingest ingest, String webhookId, byte[] body) {
        long now = Instant.now().getEpochSecond();
        return ingest.handler()
                .handle(
                        new FunctionsHttpRequest(
                                Map.of(
                                        "Content-Type",
                                        "application/json",
                                        "Webhook-Id",
                                        webhookId,
                                        "Webhook-Timestamp",
                                        Long.toString(now),
                                        "Webhook-Signature",
                                        WebhookSignature.sign(WebhookSecret.parse(SECRET), webhookId, now, body)),
                                body),
                        "invocation-" + webhookId)
                .getStatusCode();
    }

    /** The host's loop: receive, invoke the worker function, complete; until nothing is visible. */
    private void drain(AzureWiring.Worker worker) {
        List<QueueMessageItem> batch;
        while (!(batch = host.receive(HostSettings.BATCH_SIZE, Duration.ofSeconds(1))).isEmpty()) {
            for (QueueMessageItem message : batch) {
                worker.handler()
                        .handle(
                                message.getBody().toString(),
                                message.getMessageId(),
                                message.getPopReceipt(),
                                message.getDequeueCount());
                host.complete(message.getMessageId(), message.getPopReceipt());
            }
        }
    }

    @Test
    void webhooksSentTwiceAndOutOfOrderAreWrittenOnceAtTheirHighestVersionAndPoisonIsKeptWithItsReason() {
        DatabaseSettings db = TestPostgres.shared();
        TestPostgres.truncate(db);
        AzureWiring.Ingest ingest = AzureWiring.Ingest.from(appSettings(db));
        AzureWiring.Worker worker = AzureWiring.Worker.from(appSettings(db));

        for (int o = 0; o < 4; o++) {
            for (int version : new int[] {3, 1, 2}) {
                byte[] body = SampleWebhooks.order("ord_az_" + o, version)
                        .with("type", version == 1 ? "order.created" : "order.updated")
                        .bytes();
                for (int attempt = 0; attempt < 2; attempt++) {
                    assertThat(post(ingest, "wh_az_" + o + "_" + version, body)).isEqualTo(202);
                }
            }
        }
        new AzureMessageQueue(storage)
                .publish(new QueuedWebhook(
                        WebhookId.of("wh_az_poison"), Instant.now(), CorrelationId.of("req-poison"), "{}"));
        drain(worker);

        assertThat(TestPostgres.count(db, "SELECT count(*) FROM orders WHERE order_id LIKE 'ord_az_%'"))
                .isEqualTo(4);
        assertThat(TestPostgres.count(db, "SELECT min(version) FROM orders WHERE order_id LIKE 'ord_az_%'"))
                .isEqualTo(3);
        assertThat(TestPostgres.count(db, "SELECT count(*) FROM processed_webhooks WHERE webhook_id LIKE 'wh_az_%'"))
                .as("each webhook once, whether written or stale")
                .isEqualTo(12);
        List<DeadLetter> dead = new ArrayList<>();
        new AzureDeadLetterQueue(storage).readAll(dead::add);
        assertThat(dead)
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason().orElseThrow()).startsWith("invalid payload"));
        assertThat(new AzureDeadLetterQueue(storage).depth().isDrained()).isTrue();
    }

    @Test
    void aDatabaseOutageIsAnsweredByRetryLaterAndTheWebhookIsWrittenOnceItIsBack() throws Exception {
        DatabaseSettings db = TestPostgres.shared();
        TestPostgres.truncate(db);
        AzureWiring.Ingest ingest = AzureWiring.Ingest.from(appSettings(db));
        assertThat(post(
                        ingest,
                        "wh_az_outage",
                        SampleWebhooks.order("ord_az_outage", 1).bytes()))
                .isEqualTo(202);
        RetryBackoff second = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1));
        RetryPolicy oneSecond = new RetryPolicy(second, second);

        try (HikariDataSource down =
                ConnectionPool.open(DatabaseSettings.of("jdbc:postgresql://127.0.0.1:9/orders", "worker", "pw")
                        .withPoolSize(1))) {
            AzureWiring.Worker unreachable =
                    AzureWiring.Worker.of(storage, down, oneSecond, HostSettings.MAX_DEQUEUE_COUNT, new Random(7));
            QueueMessageItem message = host.receive(1, Duration.ofSeconds(3)).getFirst();
            unreachable
                    .handler()
                    .handle(
                            message.getBody().toString(),
                            message.getMessageId(),
                            message.getPopReceipt(),
                            message.getDequeueCount());
            host.complete(message.getMessageId(), message.getPopReceipt());
        }
        assertThat(host.receive(1, Duration.ZERO))
                .as("invisible during its backoff")
                .isEmpty();
        Thread.sleep(1_500);

        drain(AzureWiring.Worker.from(appSettings(db)));

        assertThat(TestPostgres.count(db, "SELECT count(*) FROM orders WHERE order_id = 'ord_az_outage'"))
                .isEqualTo(1);
        assertThat(new AzureDeadLetterQueue(storage).depth().deadLetters()).isZero();
    }
}
