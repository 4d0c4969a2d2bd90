package com.webhookbuffer.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.queue.Redrive;
import com.webhookbuffer.domain.queue.RedriveProgress;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every adapter set of the three queue ports ({@link MessageQueue}, {@link FailedDeliveries},
 * {@link DeadLetterQueue}) must do over one queue and its dead-letter queue, as tests: SQS's semantics. Extend it
 * with a factory for fresh queues, the event source's side (receive, acknowledge: no port has it, the host plays
 * it) and a way to let time pass (a clock for the in-memory queue, real time for SQS: durations here are whole
 * seconds and short for that reason).
 */
public abstract class MessageQueueContract {

    protected static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(2);
    protected static final int MAX_RECEIVE_COUNT = 2;
    private static final Duration WAIT = Duration.ofSeconds(1);

    /** The three ports over one new queue and its dead-letter queue. */
    public record Queues(MessageQueue queue, FailedDeliveries failedDeliveries, DeadLetterQueue deadLetterQueue) {}

    protected MessageQueue queue;
    protected FailedDeliveries failedDeliveries;
    protected DeadLetterQueue deadLetterQueue;

    /**
     * New, empty queues with {@link #VISIBILITY_TIMEOUT} and a redrive policy of {@link #MAX_RECEIVE_COUNT}, which
     * {@link #receive} and {@link #acknowledge} work on from now.
     */
    protected abstract Queues newQueues();

    /** Receives up to {@code maxMessages} visible messages as the event source does, waiting at most {@code wait}. */
    protected abstract List<Delivery> receive(int maxMessages, Duration wait);

    /** Deletes a delivered message, as the event source does with one the worker completed. */
    protected abstract void acknowledge(Delivery delivery);

    /** Lets {@code duration} pass for the queue. */
    protected abstract void elapse(Duration duration);

    /** How {@link #elapse} is done for a queue on a real server: time passes as it does. */
    protected static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void createQueues() {
        Queues queues = newQueues();
        queue = queues.queue();
        failedDeliveries = queues.failedDeliveries();
        deadLetterQueue = queues.deadLetterQueue();
    }

    private List<DeadLetter> deadLetters() {
        List<DeadLetter> read = new ArrayList<>();
        int count = deadLetterQueue.readAll(read::add);
        assertThat(count).isEqualTo(read.size());
        return read;
    }

    protected static QueuedWebhook webhook(String id) {
        return new QueuedWebhook(
                WebhookId.of(id),
                Instant.parse("2026-11-26T14:00:00.123Z"),
                CorrelationId.of("req-" + id),
                "{\"id\":\"" + id + "\",\"text\":\"caf\u00e9 \uD83D\uDE00\"}");
    }

    private Delivery receiveOne() {
        List<Delivery> batch = receive(1, WAIT);
        assertThat(batch).hasSize(1);
        return batch.getFirst();
    }

    @Test
    void publishedWebhookIsReceivedWithItsWholeEnvelope() {
        QueuedWebhook sent = webhook("msg_1");

        PublishOutcome outcome = queue.publish(sent);
        Delivery delivery = receiveOne();

        assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
        assertThat(delivery.messageId()).isEqualTo(((PublishOutcome.Published) outcome).messageId());
        assertThat(delivery.receiveCount()).isEqualTo(1);
        assertThat(delivery.envelope().open()).isEqualTo(new Envelope.Opened.Readable(sent));
        assertThat(delivery.envelope().attributes())
                .containsEntry(Envelope.SCHEMA_VERSION, Envelope.CURRENT_SCHEMA_VERSION);
    }

    @Test
    void receivedMessageStaysInvisibleUntilItsVisibilityTimeoutPasses() {
        queue.publish(webhook("msg_1"));
        Delivery first = receiveOne();

        assertThat(receive(10, Duration.ZERO)).isEmpty();
        elapse(VISIBILITY_TIMEOUT.plusSeconds(1));
        Delivery second = receiveOne();

        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.receiveCount()).isEqualTo(2);
        assertThat(second.receipt()).isNotEqualTo(first.receipt());
    }

    @Test
    void acknowledgedMessageIsNeverDeliveredAgain() {
        queue.publish(webhook("msg_1"));

        acknowledge(receiveOne());
        elapse(VISIBILITY_TIMEOUT.plusSeconds(1));

        assertThat(receive(10, Duration.ZERO)).isEmpty();
        assertThat(deadLetterQueue.depth().isDrained()).isTrue();
    }

    @Test
    void retryLaterKeepsTheMessageInvisibleForTheDelayNotTheTimeout() {
        queue.publish(webhook("msg_1"));
        Delivery delivery = receiveOne();

        failedDeliveries.retryLater(delivery, VISIBILITY_TIMEOUT.plusSeconds(3));
        elapse(VISIBILITY_TIMEOUT.plusSeconds(1));
        assertThat(receive(10, Duration.ZERO)).isEmpty();
        elapse(Duration.ofSeconds(3));

        assertThat(receiveOne().receiveCount()).isEqualTo(2);
    }

    @Test
    void messageReceivedMoreThanMaxReceiveCountTimesMovesToTheDeadLetterQueue() {
        queue.publish(webhook("msg_1"));
        for (int i = 0; i < MAX_RECEIVE_COUNT; i++) {
            receiveOne();
            elapse(VISIBILITY_TIMEOUT.plusSeconds(1));
        }

        assertThat(receive(10, Duration.ZERO)).isEmpty();
        List<DeadLetter> deadLetters = deadLetters();

        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.getFirst().envelope().open()).isEqualTo(new Envelope.Opened.Readable(webhook("msg_1")));
        assertThat(deadLetters.getFirst().reason()).isEmpty();
    }

    @Test
    void deadLetterMovesTheMessageWithItsReasonAndRemovesItFromTheQueue() {
        queue.publish(webhook("msg_1"));

        boolean moved = failedDeliveries.deadLetter(receiveOne(), "invalid payload: data.total: must equal 39.98");
        elapse(VISIBILITY_TIMEOUT.plusSeconds(1));

        assertThat(moved).isTrue();
        assertThat(receive(10, Duration.ZERO)).isEmpty();
        List<DeadLetter> deadLetters = deadLetters();
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.getFirst().reason()).contains("invalid payload: data.total: must equal 39.98");
        assertThat(deadLetters.getFirst().envelope().open()).isEqualTo(new Envelope.Opened.Readable(webhook("msg_1")));
    }

    @Test
    void depthCountsWaitingInFlightAndDeadLetters() {
        queue.publish(webhook("msg_1"));
        queue.publish(webhook("msg_2"));
        queue.publish(webhook("msg_3"));
        failedDeliveries.deadLetter(receiveOne(), "poison");
        receiveOne();

        var depth = deadLetterQueue.depth();

        assertThat(depth.visible()).isEqualTo(1);
        assertThat(depth.inFlight()).isEqualTo(1);
        assertThat(depth.deadLetters()).isEqualTo(1);
        assertThat(depth.isDrained()).isFalse();
    }

    @Test
    void everyPublishedMessageIsReceivedOnceAcrossBatches() {
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            queue.publish(webhook("msg_" + i));
            sent.add("msg_" + i);
        }
        List<String> received = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && received.size() < sent.size(); attempt++) {
            List<Delivery> batch = receive(10, WAIT);
            assertThat(batch).hasSizeLessThanOrEqualTo(10);
            for (Delivery delivery : batch) {
                received.add(((Envelope.Opened.Readable) delivery.envelope().open())
                        .webhook()
                        .webhookId()
                        .value());
                acknowledge(delivery);
            }
        }

        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void readingTheDeadLettersLeavesEveryOneForARedriveThatMovesThemBack() {
        for (int i = 1; i <= 3; i++) {
            queue.publish(webhook("msg_" + i));
            failedDeliveries.deadLetter(receiveOne(), "poison " + i);
        }

        assertThat(deadLetters())
                .extracting(dead -> dead.reason().orElseThrow())
                .containsExactlyInAnyOrder("poison 1", "poison 2", "poison 3");
        assertThat(deadLetters()).as("read again: reading hid nothing").hasSize(3);

        Redrive redrive = deadLetterQueue.startRedrive().orElseThrow();
        assertThat(redrive.aboutToMove()).isEqualTo(3);
        RedriveProgress progress = deadLetterQueue.progress(redrive).orElseThrow();
        for (int poll = 0; poll < 20 && !progress.state().isOver(); poll++) {
            elapse(Duration.ofSeconds(1));
            progress = deadLetterQueue.progress(redrive).orElseThrow();
        }

        assertThat(progress.state()).isEqualTo(RedriveProgress.State.COMPLETED);
        assertThat(progress.moved()).isEqualTo(3);
        List<String> back = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && back.size() < 3; attempt++) {
            receive(10, WAIT)
                    .forEach(delivery -> back.add(
                            ((Envelope.Opened.Readable) delivery.envelope().open())
                                    .webhook()
                                    .webhookId()
                                    .value()));
        }
        assertThat(back).containsExactlyInAnyOrder("msg_1", "msg_2", "msg_3");
        assertThat(deadLetterQueue.depth().deadLetters()).isZero();
    }

    @Test
    void aBodyLargerThanSomeQueuesMessagesTravelsWhole() {
        // Past Azure's 64 KB message, within SQS's: an adapter whose messages are smaller keeps the body elsewhere.
        QueuedWebhook large = new QueuedWebhook(
                WebhookId.of("msg_large"),
                Instant.parse("2026-11-26T14:00:00Z"),
                CorrelationId.of("req-large"),
                "{\"pad\":\"" + "\u00e9".repeat(50_000) + "\"}");

        queue.publish(large);

        assertThat(receiveOne().envelope().open()).isEqualTo(new Envelope.Opened.Readable(large));
    }

    @Test
    void anEmptyDeadLetterQueueHasNothingToRedrive() {
        assertThat(deadLetters()).isEmpty();
        assertThat(deadLetterQueue.startRedrive()).isEmpty();
    }
}
