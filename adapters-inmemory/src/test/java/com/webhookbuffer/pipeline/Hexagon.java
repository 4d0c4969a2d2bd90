package com.webhookbuffer.pipeline;

import com.webhookbuffer.adapter.inmemory.InMemoryMessageQueue;
import com.webhookbuffer.adapter.inmemory.InMemoryOrderRepository;
import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.application.ingest.AcceptWebhook;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.RetryBackoff;
import com.webhookbuffer.domain.processing.RetryPolicy;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.testing.MutableClock;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The whole hexagon on in-memory adapters, assembled the way a bootstrap module assembles it, for the use-case and
 * end-to-end tests: one clock, one queue, one store, the inbox and the worker.
 */
final class Hexagon {

    static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_RECEIVE_COUNT = 5;
    /** Seconds after a transient failure; the default minutes while the store is out. */
    static final RetryPolicy RETRIES = new RetryPolicy(
            new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(60)), RetryPolicy.DEFAULT_STORE_OUTAGE);

    static final PayloadReader PAYLOAD_READER =
            new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T14:00:00Z"));
    final InMemoryMessageQueue queue = new InMemoryMessageQueue(clock, VISIBILITY_TIMEOUT, MAX_RECEIVE_COUNT);
    final InMemoryOrderRepository repository = new InMemoryOrderRepository();
    /** What the door reported, one entry per request answered. */
    final List<Observed.Answer> answers = new ArrayList<>();
    /** What the worker reported, one entry per batch settled. */
    final List<WorkerMetrics.BatchObservation> batches = new ArrayList<>();
    /** Set to make every report throw, as a broken metrics writer would. */
    volatile boolean metricsFail;

    final AcceptWebhook inbox;
    final ProcessWebhookBatch worker;

    Hexagon(IngestSettings settings, Random random) {
        IngestMetrics ingestMetrics = (outcome, publishLatency) -> {
            answers.add(new Observed.Answer(outcome, publishLatency));
            failIfAsked();
        };
        WorkerMetrics workerMetrics = batch -> {
            batches.add(batch);
            failIfAsked();
        };
        inbox = new AcceptWebhook(settings, settings::keys, PAYLOAD_READER, queue, clock, ingestMetrics);
        worker = new ProcessWebhookBatch(PAYLOAD_READER, repository, queue, RETRIES, random, clock, workerMetrics);
    }

    private void failIfAsked() {
        if (metricsFail) {
            throw new IllegalStateException("the metrics writer is broken");
        }
    }

    /** What the metrics ports were told. */
    interface Observed {
        record Answer(AcceptOutcome outcome, Optional<Duration> publishLatency) {}
    }

    Hexagon() {
        this(IngestSettings.withSecrets(List.of(SECRET)), new Random(1));
    }

    /** A request signed now with {@link #SECRET}, as a well-behaved sender makes it. */
    IncomingWebhook signed(String webhookId, byte[] body) {
        long now = clock.instant().getEpochSecond();
        return new IncomingWebhook(
                "application/json",
                webhookId,
                Long.toString(now),
                WebhookSignature.sign(SECRET, webhookId, now, body),
                body,
                CorrelationId.of("req-" + webhookId));
    }

    /**
     * Plays the SQS event source: receives batches of up to 10, hands them to the worker and deletes what it
     * acknowledged, until nothing is visible; returns every report.
     */
    List<BatchReport> pollUntilNothingVisible() {
        List<BatchReport> reports = new ArrayList<>();
        List<Delivery> batch;
        while (!(batch = queue.receive(10)).isEmpty()) {
            BatchReport report = worker.process(batch);
            report.acknowledged().forEach(queue::acknowledge);
            reports.add(report);
        }
        return reports;
    }
}
