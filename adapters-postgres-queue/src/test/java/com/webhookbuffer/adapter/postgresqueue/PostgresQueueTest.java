package com.webhookbuffer.adapter.postgresqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.webhookbuffer.adapter.postgresqueue.message.QueueTables;
import com.webhookbuffer.adapter.postgresqueue.out.PostgresDeadLetterQueue;
import com.webhookbuffer.adapter.postgresqueue.out.PostgresFailedDeliveries;
import com.webhookbuffer.adapter.postgresqueue.out.PostgresMessageQueue;
import com.webhookbuffer.domain.port.out.MessageQueueContract;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The queue on PostgreSQL against the contract every queue passes, and what only this one promises. */
class PostgresQueueTest extends MessageQueueContract {

    private static HikariDataSource pool;

    private QueueTables tables;
    private PostgresMessageQueue door;

    @BeforeAll
    static void openPool() {
        pool = TestQueueDatabase.shared().pool("queue-test", 6);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Override
    protected Queues newQueues() {
        TestQueueDatabase.truncate();
        tables = new QueueTables(pool, VISIBILITY_TIMEOUT, MAX_RECEIVE_COUNT);
        door = new PostgresMessageQueue(tables, 2, 1_000);
        return new Queues(door, new PostgresFailedDeliveries(tables), new PostgresDeadLetterQueue(tables));
    }

    @AfterEach
    void closeDoor() {
        door.close();
    }

    @Override
    protected List<Delivery> receive(int maxMessages, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Delivery> received = tables.receive(maxMessages);
        while (received.isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
            received = tables.receive(maxMessages);
        }
        return received;
    }

    @Override
    protected void acknowledge(Delivery delivery) {
        tables.delete(List.of(delivery));
    }

    @Override
    protected void elapse(Duration duration) {
        sleep(duration);
    }

    @Test
    void aBodyIsKeptByteForByteEvenWhereJsonbWouldRewriteIt() {
        // Duplicate keys, spacing, key order, a NUL escape and a number jsonb would normalise: all kept as sent.
        String body = "{\"b\":1,  \"a\":2,\"a\":3,\"n\":1.0e2,\"z\":\"\\u0000\"}";
        QueuedWebhook sent = new QueuedWebhook(
                WebhookId.of("msg_exact"), Instant.parse("2026-12-07T10:00:00Z"), CorrelationId.of("req-1"), body);

        queue.publish(sent);

        assertThat(receive(1, Duration.ofSeconds(1)).getFirst().envelope().body())
                .isEqualTo(body);
    }

    @Test
    void aStaleReceiptSettlesNothing() {
        queue.publish(webhook("msg_1"));
        Delivery first = receive(1, Duration.ofSeconds(1)).getFirst();
        sleep(VISIBILITY_TIMEOUT.plusMillis(200));
        Delivery second = receive(1, Duration.ofSeconds(1)).getFirst();

        assertThat(tables.delete(List.of(first))).isZero();
        assertThat(failedDeliveries.deadLetter(first, "too late")).isFalse();
        assertThat(deadLetterQueue.depth().inFlight()).isEqualTo(1);
        assertThat(tables.delete(List.of(second))).isEqualTo(1);
        assertThat(deadLetterQueue.depth().isDrained()).isTrue();
    }

    @Test
    void deletingWithinACallersTransactionFailsRetryablyWhenAReceiptExpired() throws SQLException {
        queue.publish(webhook("msg_1"));
        queue.publish(webhook("msg_2"));
        List<Delivery> batch = receive(2, Duration.ofSeconds(1));
        sleep(VISIBILITY_TIMEOUT.plusMillis(200));
        receive(1, Duration.ofSeconds(1));

        try (Connection connection = TestQueueDatabase.connect()) {
            connection.setAutoCommit(false);
            assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> QueueTables.deleteWithin(connection, batch))
                    .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(QueueTables.RECEIPT_EXPIRED));
            connection.rollback();
        }
        assertThat(TestQueueDatabase.count("SELECT count(*) FROM webhook_queue.messages"))
                .isEqualTo(2);
    }

    @Test
    void deletingWithinACallersTransactionGoesOnlyIfItCommits() throws SQLException {
        queue.publish(webhook("msg_1"));
        List<Delivery> batch = receive(1, Duration.ofSeconds(1));

        try (Connection connection = TestQueueDatabase.connect()) {
            connection.setAutoCommit(false);
            QueueTables.deleteWithin(connection, batch);
            connection.rollback();
        }
        assertThat(TestQueueDatabase.count("SELECT count(*) FROM webhook_queue.messages"))
                .isEqualTo(1);

        try (Connection connection = TestQueueDatabase.connect()) {
            connection.setAutoCommit(false);
            QueueTables.deleteWithin(connection, batch);
            connection.commit();
        }
        assertThat(TestQueueDatabase.count("SELECT count(*) FROM webhook_queue.messages"))
                .isZero();
    }

    @Test
    void beyondItsBoundTheQueueRefusesWithAReasonUntilTheWorkerCatchesUp() {
        door.close();
        door = new PostgresMessageQueue(tables, 1, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(door.publish(webhook("msg_" + i))).isInstanceOf(PublishOutcome.Published.class);
            sleep(Duration.ofMillis(300));
        }

        PublishOutcome refused = door.publish(webhook("msg_full"));

        assertThat(refused)
                .isInstanceOfSatisfying(
                        PublishOutcome.Unavailable.class,
                        unavailable -> assertThat(unavailable.reason()).contains("QUEUE_MAX_DEPTH", "full"));
        receive(3, Duration.ofSeconds(1)).forEach(this::acknowledge);
        sleep(Duration.ofMillis(300));
        assertThat(door.publish(webhook("msg_after"))).isInstanceOf(PublishOutcome.Published.class);
    }

    @Test
    void concurrentPublishesShareCommitsAndEachGetsItsOwnMessage() throws InterruptedException {
        int senders = 16;
        int each = 50;
        List<Thread> threads = new ArrayList<>();
        List<PublishOutcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    outcomes.add(door.publish(webhook("msg_" + sender + "_" + i)));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(outcomes).hasSize(senders * each).allMatch(PublishOutcome.Published.class::isInstance);
        assertThat(outcomes.stream()
                        .map(outcome -> ((PublishOutcome.Published) outcome).messageId())
                        .distinct())
                .hasSize(senders * each);
        assertThat(TestQueueDatabase.count(
                        "SELECT count(DISTINCT convert_from(body, 'UTF8')) FROM webhook_queue.messages"))
                .isEqualTo(senders * each);
    }

    @Test
    void anUnreachableDatabaseIsUnavailableNeverAnException() {
        try (HikariDataSource nowhere = new com.webhookbuffer.adapter.postgresqueue.message.QueueDatabase(
                        "jdbc:postgresql://127.0.0.1:1/none", "nobody", "")
                .pool("queue-nowhere", 1)) {
            nowhere.setConnectionTimeout(250);
            QueueTables unreachable = new QueueTables(nowhere, VISIBILITY_TIMEOUT, MAX_RECEIVE_COUNT);
            try (PostgresMessageQueue closed = new PostgresMessageQueue(unreachable, 1, 10)) {
                assertThat(closed.publish(webhook("msg_1"))).isInstanceOf(PublishOutcome.Unavailable.class);
            }
            assertThatExceptionOfType(QueueUnavailableException.class).isThrownBy(() -> unreachable.receive(1));
        }
    }

    @Test
    void theOldestMessagesAgeIsReadable() {
        queue.publish(webhook("msg_1"));
        sleep(Duration.ofMillis(300));

        assertThat(new PostgresDeadLetterQueue(tables).oldestMessageAge())
                .isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(receive(1, Duration.ofSeconds(1)).getFirst().envelope().attributes())
                .containsKey(Envelope.WEBHOOK_ID);
    }
}
