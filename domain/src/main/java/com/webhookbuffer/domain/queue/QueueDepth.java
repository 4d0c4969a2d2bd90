package com.webhookbuffer.domain.queue;

/**
 * Approximate counts, as SQS reports them: messages waiting, messages received and not yet settled (or waiting
 * out a backoff), and messages in the dead-letter queue.
 */
public record QueueDepth(long visible, long inFlight, long deadLetters) {

    public QueueDepth {
        if (visible < 0 || inFlight < 0 || deadLetters < 0) {
            throw new IllegalArgumentException("queue depths must be >= 0");
        }
    }

    /** Nothing waiting and nothing in flight: every accepted message has been settled one way or another. */
    public boolean isDrained() {
        return visible == 0 && inFlight == 0;
    }
}
