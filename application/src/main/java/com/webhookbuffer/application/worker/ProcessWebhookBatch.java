package com.webhookbuffer.application.worker;

import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.reading.PayloadReading;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.port.out.FailedDeliveries;
import com.webhookbuffer.domain.port.out.OrderRepository;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.processing.RetryBackoff;
import com.webhookbuffer.domain.processing.RetryPolicy;
import com.webhookbuffer.domain.processing.Settlement;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Use case: process a batch of queued webhooks. Each delivery is opened and read (a message that cannot be is
 * poison), the readable ones are written in one call to the repository, and each delivery is settled by its
 * outcome: done, back to the queue after a backoff (retry-later), or to the dead-letter queue with its reason
 * (poison: retrying can never help, and it would hold up the messages behind it).
 */
public final class ProcessWebhookBatch implements WebhookProcessor {

    private final PayloadReader payloadReader;
    private final OrderRepository repository;
    private final FailedDeliveries failedDeliveries;
    private final RetryPolicy retries;
    private final RandomGenerator random;
    private final Clock clock;
    private final WorkerMetrics metrics;

    /** Metrics off. */
    public ProcessWebhookBatch(
            PayloadReader payloadReader,
            OrderRepository repository,
            FailedDeliveries failedDeliveries,
            RetryPolicy retries,
            RandomGenerator random) {
        this(payloadReader, repository, failedDeliveries, retries, random, Clock.systemUTC(), WorkerMetrics.NONE);
    }

    /**
     * @param clock   the clock the door stamped {@code receivedAt} with, for each written order's lag
     * @param metrics told of every batch settled
     */
    public ProcessWebhookBatch(
            PayloadReader payloadReader,
            OrderRepository repository,
            FailedDeliveries failedDeliveries,
            RetryPolicy retries,
            RandomGenerator random,
            Clock clock,
            WorkerMetrics metrics) {
        this.payloadReader = Objects.requireNonNull(payloadReader, "payloadReader must not be null");
        this.repository = Objects.requireNonNull(repository, "repository must not be null");
        this.failedDeliveries = Objects.requireNonNull(failedDeliveries, "failedDeliveries must not be null");
        this.retries = Objects.requireNonNull(retries, "retries must not be null");
        this.random = Objects.requireNonNull(random, "random must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
    }

    @Override
    public BatchReport process(List<Delivery> batch) {
        ProcessingOutcome[] outcomes = new ProcessingOutcome[batch.size()];
        List<OrderWrite> writes = new ArrayList<>();
        List<Integer> writeIndexes = new ArrayList<>();
        List<Delivery> writeDeliveries = new ArrayList<>();
        List<Instant> receivedAt = new ArrayList<>();
        Optional<Duration> writeLatency = Optional.empty();
        List<Duration> lags = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            switch (read(batch.get(i))) {
                case Read.Poison poison -> outcomes[i] = new ProcessingOutcome.Poison(poison.reason());
                case Read.Ready ready -> {
                    writes.add(ready.write());
                    writeIndexes.add(i);
                    writeDeliveries.add(batch.get(i));
                    receivedAt.add(ready.receivedAt());
                }
            }
        }
        if (!writes.isEmpty()) {
            long writing = System.nanoTime();
            List<ProcessingOutcome> written = repository.write(writes, writeDeliveries);
            writeLatency = Optional.of(Duration.ofNanos(System.nanoTime() - writing));
            Instant writtenAt = clock.instant();
            if (written.size() != writes.size()) {
                throw new IllegalStateException(
                        "repository returned " + written.size() + " outcomes for " + writes.size() + " writes");
            }
            for (int w = 0; w < writes.size(); w++) {
                outcomes[writeIndexes.get(w)] = written.get(w);
                if (written.get(w) instanceof ProcessingOutcome.Written) {
                    lags.add(Duration.between(receivedAt.get(w), writtenAt));
                }
            }
        }
        List<MessageResult> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Delivery delivery = batch.get(i);
            results.add(new MessageResult(delivery, outcomes[i], settle(delivery, outcomes[i])));
        }
        BatchReport report = new BatchReport(results);
        try {
            metrics.processed(new WorkerMetrics.BatchObservation(report, writeLatency, lags));
        } catch (RuntimeException e) {
            // Watching the worker must never fail a batch: what was settled stays settled.
        }
        return report;
    }

    private Read read(Delivery delivery) {
        return switch (delivery.envelope().open()) {
            case Envelope.Opened.Unreadable unreadable -> new Read.Poison(unreadable.reason());
            case Envelope.Opened.Readable readable ->
                switch (payloadReader.read(readable.webhook().payload())) {
                    case PayloadReading.Invalid invalid -> new Read.Poison("invalid payload: " + invalid.summary());
                    case PayloadReading.Valid valid ->
                        new Read.Ready(
                                new OrderWrite(
                                        readable.webhook().source(),
                                        readable.webhook().webhookId(),
                                        readable.webhook().eventId(),
                                        valid.update()),
                                readable.webhook().receivedAt());
                };
        };
    }

    private Settlement settle(Delivery delivery, ProcessingOutcome outcome) {
        return switch (outcome) {
            case ProcessingOutcome.Written w -> Settlement.ACKNOWLEDGE;
            case ProcessingOutcome.Duplicate d -> Settlement.ACKNOWLEDGE;
            case ProcessingOutcome.Stale s -> Settlement.ACKNOWLEDGE;
            case ProcessingOutcome.RetryLater r -> retryLater(delivery, retries.transientFailure());
            case ProcessingOutcome.StoreUnavailable u -> retryLater(delivery, retries.storeOutage());
            case ProcessingOutcome.Poison p -> deadLetter(delivery, p.reason());
        };
    }

    private Settlement retryLater(Delivery delivery, RetryBackoff backoff) {
        Duration delay = backoff.delayFor(delivery.receiveCount(), random);
        try {
            failedDeliveries.retryLater(delivery, delay);
        } catch (QueueUnavailableException e) {
            // The message still returns: after the queue's own visibility timeout instead of the backoff.
            return Settlement.ReturnToQueue.AFTER_VISIBILITY_TIMEOUT;
        }
        return new Settlement.ReturnToQueue.AfterBackoff(delay);
    }

    private Settlement deadLetter(Delivery delivery, String reason) {
        try {
            if (failedDeliveries.deadLetter(delivery, reason)) {
                return Settlement.DEAD_LETTERED;
            }
        } catch (QueueUnavailableException e) {
            // Falls through: returned to the queue, it will be tried again and dead-lettered then.
        }
        return Settlement.ReturnToQueue.AFTER_VISIBILITY_TIMEOUT;
    }

    /** A delivery after opening and reading: ready to write, or poison already. */
    private sealed interface Read {
        record Ready(OrderWrite write, Instant receivedAt) implements Read {}

        record Poison(String reason) implements Read {}
    }
}
