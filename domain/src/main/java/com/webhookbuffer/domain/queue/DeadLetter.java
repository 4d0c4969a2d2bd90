package com.webhookbuffer.domain.queue;

import java.util.Objects;
import java.util.Optional;

/**
 * A message in the dead-letter queue, for an operator to inspect and redrive.
 *
 * @param messageId    the dead-letter queue's id of the message
 * @param receiveCount how often the message has been received, as the queue counts (a listing counts too)
 * @param envelope     what it carries, including {@link Envelope#DEAD_LETTER_REASON} when the worker moved it
 */
public record DeadLetter(String messageId, int receiveCount, Envelope envelope) {

    public DeadLetter {
        Objects.requireNonNull(messageId, "messageId must not be null");
        Objects.requireNonNull(envelope, "envelope must not be null");
        if (receiveCount < 0) {
            throw new IllegalArgumentException("receiveCount must be >= 0, was: " + receiveCount);
        }
    }

    /**
     * Why it is here: the reason the worker gave, or empty when the queue's redrive policy moved it after too many
     * receives.
     */
    public Optional<String> reason() {
        return Optional.ofNullable(envelope.attributes().get(Envelope.DEAD_LETTER_REASON));
    }
}
