package com.webhookbuffer.adapter.postgresqueue.in;

import com.webhookbuffer.adapter.postgresqueue.message.QueueTables;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event source of the queue on PostgreSQL, as Lambda's is for SQS: {@code concurrency} pollers, each receiving
 * a batch of up to {@code batchSize}, handing it to the worker and deleting what it acknowledged. So at most
 * {@code concurrency} batches are ever in flight, which keeps the database inside its connection budget.
 *
 * <p>Pollers join in as the backlog needs them, as Lambda scales its SQS pollers: the first always polls, the others
 * only while the last receive came back full. A queue the first poller keeps up with is drained in the largest
 * batches it holds, instead of being split into many small ones; every batch is one transaction in the database,
 * so a few large batches cost it far less than many small ones (measured in docs/benchmarks.md).
 *
 * <p>When the worker writes the batch in the queue's own database, it deletes the acknowledged messages in that
 * transaction, and nothing is deleted here; when the queue lives elsewhere, the delete here is what settles them.
 * A batch that fails is left alone: its messages come back after their visibility timeout.
 */
public final class QueueConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumer.class);

    /** How often an idle poller looks again: the most an idle queue adds to a webhook's way to the database. */
    public static final Duration IDLE_POLL = Duration.ofMillis(20);

    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    private final QueueTables tables;
    private final int batchSize;
    private final WebhookProcessor worker;
    private final boolean deletedByTheWrite;
    private final List<Thread> pollers = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running = true;

    /** The last receive came back full: more is waiting than one poller takes, so every poller polls. */
    private volatile boolean backlog;

    /**
     * @param deletedByTheWrite the worker writes in the queue's own database and deletes what it acknowledged in
     *     that transaction: nothing is left to delete here
     */
    public QueueConsumer(
            QueueTables tables, int batchSize, int concurrency, WebhookProcessor worker, boolean deletedByTheWrite) {
        this.deletedByTheWrite = deletedByTheWrite;
        this.tables = Objects.requireNonNull(tables, "tables must not be null");
        this.worker = Objects.requireNonNull(worker, "worker must not be null");
        if (batchSize < 1 || concurrency < 1) {
            throw new IllegalArgumentException(
                    "batchSize and concurrency must be >= 1, were: " + batchSize + ", " + concurrency);
        }
        this.batchSize = batchSize;
        for (int i = 1; i <= concurrency; i++) {
            boolean first = i == 1;
            pollers.add(Thread.ofPlatform().name("queue-consumer-" + i).start(() -> poll(first)));
        }
    }

    private void poll(boolean first) {
        while (running) {
            if (!first && !backlog) {
                pause(IDLE_POLL);
                continue;
            }
            List<Delivery> batch;
            try {
                batch = tables.receive(batchSize);
            } catch (QueueUnavailableException e) {
                LOG.warn("receive failed, polling again in {}: {}", PAUSE_AFTER_FAILURE, e.getMessage());
                pause(PAUSE_AFTER_FAILURE);
                continue;
            }
            backlog = batch.size() == batchSize;
            if (batch.isEmpty()) {
                pause(IDLE_POLL);
                continue;
            }
            inFlight.incrementAndGet();
            try {
                settle(batch, worker.process(batch));
            } catch (RuntimeException e) {
                LOG.error("batch of {} failed and returns to the queue: {}", batch.size(), e.toString(), e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private void settle(List<Delivery> batch, BatchReport report) {
        if (deletedByTheWrite) {
            return;
        }
        try {
            tables.delete(report.acknowledged());
        } catch (QueueUnavailableException e) {
            LOG.warn(
                    "deleting {} processed messages of a batch of {} failed; they will come back as duplicates: {}",
                    report.acknowledged().size(),
                    batch.size(),
                    e.getMessage());
        }
    }

    private void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Batches being worked on now. */
    public int batchesInFlight() {
        return inFlight.get();
    }

    /** Stops receiving and waits for the batches in flight to finish. */
    @Override
    public void close() {
        running = false;
        for (Thread poller : pollers) {
            try {
                poller.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
