package com.webhookbuffer.domain.queue;

import java.util.Objects;

/** Whether the queue took a message. Only {@link Published} means the message is safe. */
public sealed interface PublishOutcome {

    record Published(String messageId) implements PublishOutcome {
        public Published {
            Objects.requireNonNull(messageId, "messageId must not be null");
        }
    }

    /**
     * The queue could not be reached, refused the message or did not confirm it in time: nothing may be promised to
     * the sender. After a timeout the queue may still take it, so the sender's retry can be a duplicate delivery.
     */
    record Unavailable(String reason) implements PublishOutcome {
        public Unavailable {
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }
}
