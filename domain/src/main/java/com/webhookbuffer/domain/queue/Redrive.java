package com.webhookbuffer.domain.queue;

import java.util.Objects;

/**
 * A move of dead letters back to the queue, once started.
 *
 * @param task           the queue's handle of the move (SQS: the message move task)
 * @param from           the dead-letter queue, as the queue names it
 * @param to             where the messages go, as the queue names it
 * @param aboutToMove    how many dead letters there were when it started (approximate, as the queue counts)
 */
public record Redrive(String task, String from, String to, long aboutToMove) {

    public Redrive {
        Objects.requireNonNull(task, "task must not be null");
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(to, "to must not be null");
        if (aboutToMove < 0) {
            throw new IllegalArgumentException("aboutToMove must be >= 0, was: " + aboutToMove);
        }
    }
}
