package com.webhookbuffer.adapter.postgresqueue;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.adapter.postgresqueue.in.QueueConsumer;
import com.webhookbuffer.adapter.postgresqueue.message.QueueTables;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.processing.Settlement;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event source of the queue on PostgreSQL: its pollers join in with the backlog, so a queue one poller keeps up
 * with is drained in whole batches by that one, and a backlog by all of them at once.
 */
class QueueConsumerTest {

    private static final int BATCH = 10;
    private static final int POLLERS = 4;

    private static HikariDataSource pool;
    private QueueTables tables;

    @BeforeAll
    static void openPool() {
        pool = TestQueueDatabase.shared().pool("consumer-test", POLLERS + 1);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @BeforeEach
    void emptyQueue() {
        TestQueueDatabase.truncate();
        tables = new QueueTables(pool, Duration.ofSeconds(30), 5);
    }

    @Test
    void aBacklogIsDrainedByEveryPollerAtOnce() throws InterruptedException {
        insert(POLLERS * BATCH * 5);
        CountDownLatch allBusy = new CountDownLatch(POLLERS);
        AtomicInteger processed = new AtomicInteger();
        // Each batch waits until every poller holds one: this passes only if all of them received at the same time.
        WebhookProcessor worker = batch -> {
            allBusy.countDown();
            awaitQuietly(allBusy);
            processed.addAndGet(batch.size());
            return acknowledgedAll(batch);
        };
        try (QueueConsumer consumer = new QueueConsumer(tables, BATCH, POLLERS, worker, false)) {
            assertThat(allBusy.await(10, TimeUnit.SECONDS))
                    .as("every poller held a batch at once")
                    .isTrue();
            awaitEmpty();
        }
        assertThat(processed).hasValue(POLLERS * BATCH * 5);
    }

    @Test
    void aTrickleIsDrainedByOnePollerAlone() throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger processed = new AtomicInteger();
        WebhookProcessor worker = batch -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sleep(Duration.ofMillis(5));
            inFlight.decrementAndGet();
            processed.addAndGet(batch.size());
            return acknowledgedAll(batch);
        };
        // A message every 2 ms while a batch takes 5 ms: more than one poller would find work, and one poller's
        // batches stay far from full (a stall of 200 ms would be needed to fill one).
        try (QueueConsumer consumer = new QueueConsumer(tables, 100, POLLERS, worker, false)) {
            for (int i = 0; i < 500; i++) {
                insert(1);
                sleep(Duration.ofMillis(2));
            }
            awaitEmpty();
        }
        assertThat(processed).hasValue(500);
        assertThat(mostInFlight).as("batches in flight at once").hasValue(1);
    }

    private static BatchReport acknowledgedAll(List<Delivery> batch) {
        return new BatchReport(batch.stream()
                .map(delivery ->
                        new MessageResult(delivery, new ProcessingOutcome.Written(), new Settlement.Acknowledge()))
                .toList());
    }

    private final AtomicInteger inserted = new AtomicInteger();

    private void insert(int count) {
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            envelopes.add(Envelope.of(new QueuedWebhook(
                    WebhookId.of("wh-" + inserted.incrementAndGet()), Instant.now(), CorrelationId.random(), "{}")));
        }
        tables.insert(envelopes);
    }

    private void awaitEmpty() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (TestQueueDatabase.count("SELECT count(*) FROM webhook_queue.messages") > 0) {
            assertThat(System.nanoTime()).as("the queue emptied within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
