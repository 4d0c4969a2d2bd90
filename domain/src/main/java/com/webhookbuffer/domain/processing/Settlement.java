package com.webhookbuffer.domain.processing;

import java.time.Duration;
import java.util.Objects;

/** What the queue must do with a delivery once it has been processed. */
public sealed interface Settlement {

    /** Done: delete it from the queue (the Lambda event source does this for messages not reported as failed). */
    record Acknowledge() implements Settlement {}

    /**
     * Report it as failed so it returns to the queue: after the backoff the queue was asked for or, when the queue
     * could not be asked, after the queue's own visibility timeout.
     */
    sealed interface ReturnToQueue extends Settlement {

        ReturnToQueue AFTER_VISIBILITY_TIMEOUT = new AfterVisibilityTimeout();

        /** The queue was asked to show it again after {@code backoff}. */
        record AfterBackoff(Duration backoff) implements ReturnToQueue {

            public AfterBackoff {
                Objects.requireNonNull(backoff, "backoff must not be null");
                if (!backoff.isPositive()) {
                    throw new IllegalArgumentException("backoff must be > 0, was: " + backoff);
                }
            }
        }

        /** The queue could not be asked for a backoff: its own visibility timeout decides when it is seen again. */
        record AfterVisibilityTimeout() implements ReturnToQueue {}
    }

    /** Already moved to the dead-letter queue and deleted from the source: nothing left to do. */
    record DeadLettered() implements Settlement {}

    Settlement ACKNOWLEDGE = new Acknowledge();
    Settlement DEAD_LETTERED = new DeadLettered();
}
