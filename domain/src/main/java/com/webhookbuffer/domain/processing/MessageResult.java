package com.webhookbuffer.domain.processing;

import com.webhookbuffer.domain.queue.Delivery;
import java.util.Objects;

/** How one delivery of a batch ended, and what is left for the queue to do with it. */
public record MessageResult(Delivery delivery, ProcessingOutcome outcome, Settlement settlement) {

    public MessageResult {
        Objects.requireNonNull(delivery, "delivery must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(settlement, "settlement must not be null");
    }

    public boolean returnsToQueue() {
        return settlement instanceof Settlement.ReturnToQueue;
    }
}
