package com.webhookbuffer.domain.port.out;

import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.webhook.QueuedWebhook;

/**
 * Outbound port, ingest side: the durable queue between the inbox and the worker, as the inbox needs it. What
 * happens to a message after it is queued is the queue's business (its semantics are SQS's: at-least-once
 * delivery, a visibility timeout, a redrive policy that moves a message to the dead-letter queue after
 * {@code maxReceiveCount} receives); the worker's side is {@link FailedDeliveries}, the operator's
 * {@link DeadLetterQueue}.
 */
public interface MessageQueue {

    /**
     * Stores the message durably; {@link PublishOutcome.Published} only once the queue has acknowledged it. An
     * unreachable queue is {@link PublishOutcome.Unavailable}, never an exception.
     */
    PublishOutcome publish(QueuedWebhook webhook);
}
