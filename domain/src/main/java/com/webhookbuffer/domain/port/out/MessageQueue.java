package com.webhookbuffer.domain.port.out;

import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.queue.QueueDepth;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import java.time.Duration;
import java.util.List;

/**
 * Outbound port: the durable queue between the inbox and the worker, with its dead-letter queue. Semantics are
 * SQS's, and every adapter keeps them:
 *
 * <ul>
 *   <li>at-least-once: a received message stays in the queue, invisible for the visibility timeout, until it is
 *       acknowledged; unacknowledged, it becomes visible again with a higher receive count;
 *   <li>a message received more than the queue's {@code maxReceiveCount} times is moved to the dead-letter queue
 *       by the queue itself (the redrive policy).
 * </ul>
 *
 * Infrastructure failures on the consumer side raise
 * {@link com.webhookbuffer.domain.queue.QueueUnavailableException}; publishing reports them as an outcome.
 */
public interface MessageQueue {

    /** Stores the message durably; {@link PublishOutcome.Published} only once the queue has acknowledged it. */
    PublishOutcome publish(QueuedWebhook webhook);

    /** Receives up to {@code maxMessages} visible messages, waiting at most {@code wait} for the first. */
    List<Delivery> receive(int maxMessages, Duration wait);

    /** Deletes a delivered message: it is done. */
    void acknowledge(Delivery delivery);

    /** Keeps a delivered message invisible for {@code delay} from now, after which it is delivered again. */
    void retryLater(Delivery delivery, Duration delay);

    /**
     * Moves a delivered message to the dead-letter queue with {@code reason}, then deletes it from this queue.
     *
     * @return true when the dead-letter queue took it; false when it did not, and the message is left as it was
     */
    boolean deadLetter(Delivery delivery, String reason);

    /** Approximate counts of this queue and its dead-letter queue. */
    QueueDepth depth();

    /** Up to {@code maxMessages} dead letters, for inspection: they stay in the dead-letter queue. */
    List<DeadLetter> deadLetters(int maxMessages);
}
