package com.webhookbuffer.bootstrap.lambda;

import com.webhookbuffer.adapter.inmemory.InMemoryMessageQueue;
import com.webhookbuffer.adapter.inmemory.InMemoryOrderRepository;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.application.payload.PayloadReader;
import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.processing.RetryBackoff;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Runs the hot paths' code before a SnapStart snapshot (JSON, validation, HMAC, the batch path), so a restored
 * function starts with those classes loaded and warm, without sending anything anywhere.
 */
final class Priming {

    static final String SAMPLE = """
            {"type":"order.created","timestamp":"2026-11-26T14:00:00Z",
             "data":{"orderId":"ord_prime","version":1,"customerId":"cus_prime","status":"placed","currency":"EUR",
                     "items":[{"sku":"SKU-1","quantity":2,"unitPrice":"19.99"}],"total":"39.98"}}""";

    private static final WebhookSecret PRIMING_SECRET = WebhookSecret.ofKey(new byte[32]);

    private Priming() {
    }

    /**
     * Runs the worker's whole batch path (envelope, payload, repository write, settlement) on in-memory adapters
     * with the real payload reader, so nothing reaches SQS or the database. Returns how many were written.
     */
    static int batchPath(PayloadReader reader, int rounds) {
        Clock clock = Clock.systemUTC();
        InMemoryMessageQueue queue = new InMemoryMessageQueue(clock, Duration.ofSeconds(30), 5);
        ProcessWebhookBatch processor = new ProcessWebhookBatch(reader, new InMemoryOrderRepository(), queue,
                RetryBackoff.DEFAULT, RandomGenerator.getDefault());
        int written = 0;
        for (int i = 0; i < rounds; i++) {
            queue.publish(new QueuedWebhook(WebhookId.of("msg_prime_" + i), clock.instant(),
                    CorrelationId.of("priming"), SAMPLE.replace("\"version\":1", "\"version\":" + (i + 1))));
            BatchReport report = processor.process(queue.receive(10, Duration.ZERO));
            report.acknowledged().forEach(queue::acknowledge);
            written += (int) report.results().stream().filter(r -> r.outcome() == ProcessingOutcome.WRITTEN).count();
        }
        return written;
    }

    static void payloadPath(PayloadReader reader, int rounds) {
        byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < rounds; i++) {
            reader.read(body);
            WebhookSignature.sign(PRIMING_SECRET, "msg_prime", 1_700_000_000L + i, body);
        }
    }
}
