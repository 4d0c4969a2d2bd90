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

    /** A reason is for a person to read: however long the failure's own text, this much is kept. */
    public static final int MAX_REASON_LENGTH = 1024;

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

    /** {@code reason} as a dead letter carries it: at most {@link #MAX_REASON_LENGTH} characters. */
    public static String shortened(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }
}
