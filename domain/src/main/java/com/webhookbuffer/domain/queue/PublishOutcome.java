package com.webhookbuffer.domain.queue;

import java.util.Objects;

/** Whether the queue took a message. Only {@link Published} means the message is safe. */
public sealed interface PublishOutcome {

    record Published(String messageId) implements PublishOutcome {
        public Published {
            Objects.requireNonNull(messageId, "messageId must not be null");
        }
    }

    /** The queue could not be reached or refused the message; nothing may be promised to the sender. */
    record Unavailable(String reason) implements PublishOutcome {
        public Unavailable {
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }
}
