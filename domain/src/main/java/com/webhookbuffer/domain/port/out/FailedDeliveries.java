package com.webhookbuffer.domain.port.out;

import com.webhookbuffer.domain.queue.Delivery;
import java.time.Duration;

/**
 * Outbound port, worker side: what becomes of a delivery the worker could not complete. A delivery that succeeded
 * needs nothing here: the host that delivered it deletes it (on AWS, the SQS event source).
 *
 * <p>Infrastructure failures raise {@link com.webhookbuffer.domain.queue.QueueUnavailableException}; the message
 * is then left as it was, and the queue's own visibility timeout brings it back.
 */
public interface FailedDeliveries {

    /** Keeps a delivered message invisible for {@code delay} from now, after which it is delivered again. */
    void retryLater(Delivery delivery, Duration delay);

    /**
     * Moves a delivered message to the dead-letter queue with {@code reason}, then deletes it from the queue.
     *
     * @return true when the dead-letter queue took it; false when it did not, and the message is left as it was
     */
    boolean deadLetter(Delivery delivery, String reason);
}
