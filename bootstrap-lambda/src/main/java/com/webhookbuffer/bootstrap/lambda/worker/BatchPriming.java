package com.webhookbuffer.bootstrap.lambda.worker;

import com.webhookbuffer.adapter.inmemory.InMemoryMessageQueue;
import com.webhookbuffer.adapter.inmemory.InMemoryOrderRepository;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.bootstrap.lambda.Priming;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.processing.RetryPolicy;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Runs the worker's whole batch path (envelope, payload, repository write, settlement) before a SnapStart snapshot,
 * on in-memory adapters with the real payload reader, so nothing reaches SQS or the database.
 */
final class BatchPriming {

    private BatchPriming() {}

    /** Returns how many were written. */
    static int run(PayloadReader reader, int rounds) {
        Clock clock = Clock.systemUTC();
        InMemoryMessageQueue queue = new InMemoryMessageQueue(clock, Duration.ofSeconds(30), 5);
        ProcessWebhookBatch processor = new ProcessWebhookBatch(
                reader, new InMemoryOrderRepository(), queue, RetryPolicy.DEFAULT, RandomGenerator.getDefault());
        int written = 0;
        for (int i = 0; i < rounds; i++) {
            queue.publish(new QueuedWebhook(
                    WebhookId.of("msg_prime_" + i),
                    clock.instant(),
                    CorrelationId.of("priming"),
                    Priming.SAMPLE.replace("\"version\":1", "\"version\":" + (i + 1))));
            BatchReport report = processor.process(queue.receive(10));
            report.acknowledged().forEach(queue::acknowledge);
            written += (int) report.results().stream()
                    .filter(r -> r.outcome() == ProcessingOutcome.WRITTEN)
                    .count();
        }
        return written;
    }
}
