package com.webhookbuffer.domain.port.out;

import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.QueueDepth;
import com.webhookbuffer.domain.queue.Redrive;
import com.webhookbuffer.domain.queue.RedriveProgress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Outbound port, operator side: the dead-letter queue as an operator inspects and redrives it, beside the depth
 * of the queue it serves. The functions never use it (an architecture rule holds that): it is for the operator
 * commands and the local stack's status.
 *
 * <p>Infrastructure failures raise {@link com.webhookbuffer.domain.queue.QueueUnavailableException}.
 */
public interface DeadLetterQueue {

    /** Approximate counts of the queue and its dead-letter queue. */
    QueueDepth depth();

    /**
     * Hands each dead letter to {@code reader} once, and leaves every one where it was: a listing must not hide
     * dead letters from a redrive that follows it.
     *
     * @return how many were read
     */
    int readAll(Consumer<DeadLetter> reader);

    /**
     * Starts moving every dead letter back to the queue, to be processed again.
     *
     * @return the move under way, or empty when the dead-letter queue is empty
     */
    Optional<Redrive> startRedrive();

    /** Where a started redrive stands; empty when the queue no longer reports it. */
    Optional<RedriveProgress> progress(Redrive redrive);
}
