package com.webhookbuffer.domain.queue;

import java.util.Objects;

/**
 * One receipt of a message from the queue. The same message delivered again is a new delivery with a new receipt
 * and a higher receive count.
 *
 * @param messageId    the queue's id of the message (stable across deliveries)
 * @param receipt      the handle that settles this delivery (SQS: the receipt handle)
 * @param receiveCount how many times the message has been received, this time included (1 on the first)
 * @param envelope     what the message carries
 */
public record Delivery(String messageId, String receipt, int receiveCount, Envelope envelope) {

    public Delivery {
        Objects.requireNonNull(messageId, "messageId must not be null");
        Objects.requireNonNull(receipt, "receipt must not be null");
        Objects.requireNonNull(envelope, "envelope must not be null");
        if (receiveCount < 1) {
            throw new IllegalArgumentException("receiveCount must be >= 1, was: " + receiveCount);
        }
    }
}
