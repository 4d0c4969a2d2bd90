package com.webhookbuffer.bootstrap.lambda.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.webhookbuffer.adapter.aws.TestSqs;
import com.webhookbuffer.adapter.aws.out.SqsMessageQueue;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.TestPostgres;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker holds its connections only while it writes a batch. {@code MaximumConcurrency} caps invocations, not
 * execution environments: idle environments, and the previous version's after a deploy, must hold none, so that
 * the connections open at once never exceed MaximumConcurrency x WorkerPoolSize.
 */
class WorkerConnectionsTest {

    private static final String ORDERS = "SELECT count(*) FROM orders WHERE order_id LIKE 'ord_idle_%'";

    @Test
    void afterEachBatchTheWorkerHoldsNoConnection() throws Exception {
        DatabaseSettings db = TestPostgres.shared();
        TestSqs.Queues queues = TestSqs.create(30, 5);
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_URL", queues.queueUrl());
        env.put("DLQ_URL", queues.deadLetterQueueUrl());
        env.put("AWS_ENDPOINT_URL_SQS", TestSqs.endpoint().toString());
        env.put("DB_URL", db.jdbcUrl());
        env.put("DB_USER", db.user());
        env.put("DB_PASSWORD", db.password());
        env.put("DB_POOL_SIZE", "2");
        WorkerWiring wiring = WorkerWiring.from(env, DatabaseCredentials.fromEnvironment());
        WorkerFunction worker = new WorkerFunction(wiring);
        SqsMessageQueue queue = new SqsMessageQueue(TestSqs.client(), queues.queueUrl());
        try {
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 5; i++) {
                    String n = batch + "_" + i;
                    queue.publish(new QueuedWebhook(
                            WebhookId.of("wh_idle_" + n),
                            Instant.now(),
                            CorrelationId.of("req-idle"),
                            SampleWebhooks.order("ord_idle_" + n, 1).json()));
                }
                long expected = 5L * (batch + 1);
                for (int round = 0; round < 20 && TestPostgres.count(db, ORDERS) < expected; round++) {
                    SQSEvent event = TestSqs.receiveEvent(queues.queueUrl(), 1);
                    SQSBatchResponse answer = worker.handleRequest(event, null);
                    assertThat(answer.getBatchItemFailures()).isEmpty();
                    TestSqs.deleteSucceeded(queues.queueUrl(), event, answer);

                    assertThat(workerConnections(db))
                            .as("connections the worker holds between batches")
                            .isZero();
                }
            }
            assertThat(TestPostgres.count(db, ORDERS)).isEqualTo(15);
        } finally {
            wiring.dataSource().close();
        }
    }

    /** The worker's sessions as the server sees them; closing takes the server a moment to notice. */
    private static long workerConnections(DatabaseSettings db) throws Exception {
        long seen = 0;
        for (int attempt = 0; attempt < 50; attempt++) {
            seen = TestPostgres.count(
                    db, "SELECT count(*) FROM pg_stat_activity" + " WHERE application_name = 'webhook-buffer-worker'");
            if (seen == 0) {
                return 0;
            }
            Thread.sleep(20);
        }
        return seen;
    }
}
