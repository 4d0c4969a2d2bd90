package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.EventId;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.util.Objects;
import java.util.Optional;

/** What a {@link SenderProtocol} made of a request's signature and headers. */
public sealed interface Authentication {

    /**
     * Signed by the sender, about an order.
     *
     * @param webhookId the delivery's idempotency key (the same on every retry of it)
     * @param eventId   the event's own id, where the platform sends one apart from the delivery's
     * @param topic     what the platform says the delivery is about (e.g. {@code orders/updated}); empty where the
     *                  body says it
     */
    record Authentic(WebhookId webhookId, Optional<EventId> eventId, String topic) implements Authentication {
        public Authentic {
            Objects.requireNonNull(webhookId, "webhookId must not be null");
            Objects.requireNonNull(eventId, "eventId must not be null");
            Objects.requireNonNull(topic, "topic must not be null");
        }
    }

    /** Signed by the sender, but about something this service does not store: answered 200, nothing queued. */
    record NotAnOrder(String topic) implements Authentication {
        public NotAnOrder {
            Objects.requireNonNull(topic, "topic must not be null");
        }
    }

    /** Not shown to come from the sender (401). {@code reason} is for the log, never for the answer. */
    record Refused(String reason) implements Authentication {
        public Refused {
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }
}
