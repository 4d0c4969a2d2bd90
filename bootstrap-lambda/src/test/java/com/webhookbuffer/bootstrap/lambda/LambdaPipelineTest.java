package com.webhookbuffer.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.webhookbuffer.adapter.aws.TestSqs;
import com.webhookbuffer.adapter.aws.out.EmbeddedMetricFormat;
import com.webhookbuffer.adapter.persistence.DatabaseMigrations;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.TestPostgres;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.bootstrap.lambda.ingest.IngestFunction;
import com.webhookbuffer.bootstrap.lambda.ingest.IngestWiring;
import com.webhookbuffer.bootstrap.lambda.worker.DatabaseCredentials;
import com.webhookbuffer.bootstrap.lambda.worker.WorkerFunction;
import com.webhookbuffer.bootstrap.lambda.worker.WorkerWiring;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The deployed pipeline in one JVM: IngestFunction → SQS (ElasticMQ) → WorkerFunction (fed like the event source
 * mapping) → PostgreSQL 17, wired from environment variables exactly as on AWS. With redelivered webhooks,
 * versions out of order, a poison message and the database down for a while: nothing lost, nothing twice.
 */
class LambdaPipelineTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private APIGatewayV2HTTPEvent signedEvent(String webhookId, byte[] body) {
        long now = Instant.now().getEpochSecond();
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigateway-http-webhook.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", Long.toString(now));
        headers.put("webhook-signature", WebhookSignature.sign(WebhookSecret.parse(SECRET), webhookId, now, body));
        event.setHeaders(headers);
        event.setBody(new String(body));
        event.setIsBase64Encoded(false);
        return event;
    }

    @Test
    void webhooksThroughBothFunctionsEndWrittenOnceAtTheirHighestVersion(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres postgres = start(data, port);
        try {
            DatabaseSettings db =
                    DatabaseSettings.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            DatabaseMigrations.migrate(db);
            TestSqs.Queues queues = TestSqs.create(2, 5);
            Map<String, String> env = new HashMap<>();
            env.put("WEBHOOK_SECRETS", SECRET);
            env.put("QUEUE_URL", queues.queueUrl());
            env.put("DLQ_URL", queues.deadLetterQueueUrl());
            env.put("AWS_ENDPOINT_URL_SQS", TestSqs.endpoint().toString());
            env.put("DB_URL", db.jdbcUrl());
            env.put("DB_USER", db.user());
            env.put("DB_PASSWORD", db.password());
            env.put("RETRY_BACKOFF_BASE_SECONDS", "1");
            env.put("RETRY_BACKOFF_CAP_SECONDS", "1");
            // The first batch meets the database down: it waits out the outage, here a second.
            env.put("OUTAGE_BACKOFF_BASE_SECONDS", "1");
            env.put("OUTAGE_BACKOFF_CAP_SECONDS", "1");
            env.put("METRICS_NAMESPACE", "WebhookBuffer/pipeline-test");
            List<String> ingestMetrics = new ArrayList<>();
            List<String> workerMetrics = new ArrayList<>();
            IngestFunction ingest = new IngestFunction(IngestWiring.from(env, ingestMetrics::add));
            WorkerFunction worker = new WorkerFunction(
                    WorkerWiring.from(env, DatabaseCredentials.fromEnvironment(), workerMetrics::add));

            // Versions 3, 1, 2 of each order, every webhook sent twice (the sender retried).
            for (int o = 0; o < 5; o++) {
                for (int version : new int[] {3, 1, 2}) {
                    byte[] body = SampleWebhooks.order("ord_" + o, version)
                            .with("type", version == 1 ? "order.created" : "order.updated")
                            .bytes();
                    for (int attempt = 0; attempt < 2; attempt++) {
                        APIGatewayV2HTTPResponse response =
                                ingest.handleRequest(signedEvent("wh_" + o + "_" + version, body), null);
                        assertThat(response.getStatusCode()).isEqualTo(202);
                    }
                }
            }
            TestSqs.client()
                    .sendMessage(send -> send.queueUrl(queues.queueUrl())
                            .messageBody("{}")
                            .messageAttributes(Map.of(
                                    "schemaVersion",
                                    MessageAttributeValue.builder()
                                            .dataType("String")
                                            .stringValue("1")
                                            .build())));

            // The first batch meets a database that is down: it comes back after its backoff.
            postgres.close();
            SQSEvent first = TestSqs.receiveEvent(queues.queueUrl(), 1);
            SQSBatchResponse failed = worker.handleRequest(first, null);
            TestSqs.deleteSucceeded(queues.queueUrl(), first, failed);
            assertThat(failed.getBatchItemFailures()).isNotEmpty();
            postgres = start(data, port);
            // A SnapStart snapshot and restore in between: the pool is closed, then opened afresh.
            WorkerWiring workerWiring =
                    WorkerWiring.from(env, DatabaseCredentials.fromEnvironment(), workerMetrics::add);
            worker = new WorkerFunction(workerWiring);
            workerWiring.beforeCheckpoint(null);
            workerWiring.afterRestore(null);

            for (int round = 0; round < 60; round++) {
                SQSEvent event = TestSqs.receiveEvent(queues.queueUrl(), 1);
                if (event.getRecords().isEmpty()
                        && TestPostgres.count(db, "SELECT count(*) FROM processed_webhooks") == 15) {
                    break;
                }
                TestSqs.deleteSucceeded(queues.queueUrl(), event, worker.handleRequest(event, null));
            }

            assertThat(TestPostgres.count(db, "SELECT count(*) FROM orders")).isEqualTo(5);
            assertThat(TestPostgres.count(db, "SELECT count(*) FROM orders WHERE version = 3"))
                    .isEqualTo(5);
            assertThat(TestPostgres.count(db, "SELECT count(*) FROM processed_webhooks"))
                    .isEqualTo(15);
            assertThat(TestPostgres.count(db, "SELECT count(*) FROM orders WHERE webhook_id LIKE 'wh\\_%\\_3'"))
                    .as("every order was last written by its version-3 webhook")
                    .isEqualTo(5);
            assertThat(TestPostgres.count(db, "SELECT count(*) FROM processed_webhooks WHERE outcome = 'written'"))
                    .as("SQS does not keep order: some lower versions were written before version 3 came")
                    .isBetween(5L, 15L);
            // What the functions told CloudWatch: one document per request, at least one per batch, and the same
            // counts the database holds.
            assertThat(ingestMetrics)
                    .hasSize(30)
                    .allSatisfy(document -> assertThat(EmbeddedMetricFormat.violations(document))
                            .isEmpty());
            assertThat(sum(ingestMetrics, "Accepted")).isEqualTo(30);
            assertThat(workerMetrics)
                    .isNotEmpty()
                    .allSatisfy(document -> assertThat(EmbeddedMetricFormat.violations(document))
                            .isEmpty());
            assertThat(sum(workerMetrics, "Written"))
                    .isEqualTo(TestPostgres.count(
                            db, "SELECT count(*) FROM processed_webhooks WHERE outcome = 'written'"));
            assertThat(sum(workerMetrics, "Poison")).isEqualTo(1);
            assertThat(sum(workerMetrics, "RetryLater"))
                    .as("the batch that met the database down")
                    .isPositive();
            assertThat(workerMetrics.stream()
                            .mapToLong(d -> values(EmbeddedMetricFormat.parse(d).path("Lag")))
                            .sum())
                    .as("one lag per order written")
                    .isEqualTo(sum(workerMetrics, "Written"));
            var deadLetters = TestSqs.client()
                    .receiveMessage(r -> r.queueUrl(queues.deadLetterQueueUrl())
                            .maxNumberOfMessages(10)
                            .messageAttributeNames("All"))
                    .messages();
            assertThat(deadLetters)
                    .singleElement()
                    .satisfies(dead -> assertThat(dead.messageAttributes()
                                    .get("deadLetterReason")
                                    .stringValue())
                            .startsWith("unreadable envelope"));
        } finally {
            postgres.close();
        }
    }

    /** How many values a metric has in a document: one number, or an array of them. */
    private static long values(JsonNode metric) {
        return metric.isArray() ? metric.size() : metric.isNumber() ? 1 : 0;
    }

    private static long sum(List<String> documents, String metric) {
        return documents.stream()
                .mapToLong(d -> EmbeddedMetricFormat.parse(d).path(metric).asLong())
                .sum();
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }
}
