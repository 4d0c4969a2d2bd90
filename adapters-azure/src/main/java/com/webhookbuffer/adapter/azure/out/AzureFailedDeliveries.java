package com.webhookbuffer.adapter.azure.out;

import com.webhookbuffer.adapter.azure.message.AzureMessages;
import com.webhookbuffer.adapter.azure.message.StorageQueue;
import com.webhookbuffer.domain.port.out.FailedDeliveries;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FailedDeliveries} on Azure Storage Queues. Retry-later is {@code updateMessage} with the backoff as the new
 * visibility timeout (SQS's {@code ChangeMessageVisibility}); dead-lettering sends the message to the poison queue
 * with its reason, then deletes it.
 *
 * <p>Azure queues have no redrive policy: the Functions host moves a message to the poison queue only when the
 * function fails on its {@code maxDequeueCount}-th delivery. A retry-later is not a failure to the host (the message
 * was handed back with its backoff), so the redrive policy is kept here: a message that is to be retried once more
 * than {@code maxDequeueCount} allows goes to the poison queue without a reason, as the host's would.
 */
public final class AzureFailedDeliveries implements FailedDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(AzureFailedDeliveries.class);

    /** Azure's longest visibility timeout. */
    static final Duration MAX_VISIBILITY = Duration.ofDays(7);

    private final StorageQueue storage;
    private final AzureMessages messages;
    private final int maxDequeueCount;

    public AzureFailedDeliveries(StorageQueue storage, int maxDequeueCount) {
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.messages = storage.messages();
        if (maxDequeueCount < 1) {
            throw new IllegalArgumentException("maxDequeueCount must be >= 1, was: " + maxDequeueCount);
        }
        this.maxDequeueCount = maxDequeueCount;
    }

    @Override
    public void retryLater(Delivery delivery, Duration delay) {
        if (delivery.receiveCount() >= maxDequeueCount) {
            if (!toPoison(delivery, delivery.envelope())) {
                throw new QueueUnavailableException(
                        "message " + delivery.messageId() + " could not be moved to the poison queue");
            }
            return;
        }
        Duration visibility = delay.compareTo(MAX_VISIBILITY) > 0 ? MAX_VISIBILITY : delay;
        AzureCalls.run(
                "update visibility",
                () -> storage.queue().updateMessage(delivery.messageId(), delivery.receipt(), null, visibility));
    }

    @Override
    public boolean deadLetter(Delivery delivery, String reason) {
        return toPoison(delivery, delivery.envelope().with(Envelope.DEAD_LETTER_REASON, DeadLetter.shortened(reason)));
    }

    private boolean toPoison(Delivery delivery, Envelope dead) {
        try {
            storage.poison().sendMessage(messages.write(dead));
        } catch (RuntimeException e) {
            LOG.warn("message {} could not be moved to the poison queue: {}", delivery.messageId(), e.getMessage());
            return false;
        }
        try {
            storage.queue().deleteMessage(delivery.messageId(), delivery.receipt());
        } catch (RuntimeException e) {
            // It is in the poison queue; left here too, it will come back and be dead-lettered again.
            LOG.warn(
                    "message {} was moved to the poison queue but not deleted from the queue: {}",
                    delivery.messageId(),
                    e.getMessage());
        }
        return true;
    }
}
