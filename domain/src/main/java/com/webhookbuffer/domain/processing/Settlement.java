package com.webhookbuffer.domain.processing;

import java.time.Duration;
import java.util.Objects;

/** What the queue must do with a delivery once it has been processed. */
public sealed interface Settlement {

    /** Done: delete it from the queue (the Lambda event source does this for messages not reported as failed). */
    record Acknowledge() implements Settlement {
    }

    /**
     * Report it as failed so it returns to the queue. {@code visibleAfter} is the backoff the queue was asked
     * for, or {@link #AFTER_VISIBILITY_TIMEOUT} when the queue could not be asked and its own timeout decides.
     */
    record ReturnToQueue(Duration visibleAfter) implements Settlement {

        public static final Duration AFTER_VISIBILITY_TIMEOUT = Duration.ZERO;

        public ReturnToQueue {
            Objects.requireNonNull(visibleAfter, "visibleAfter must not be null");
        }
    }

    /** Already moved to the dead-letter queue and deleted from the source: nothing left to do. */
    record DeadLettered() implements Settlement {
    }

    Settlement ACKNOWLEDGE = new Acknowledge();
    Settlement DEAD_LETTERED = new DeadLettered();
}
