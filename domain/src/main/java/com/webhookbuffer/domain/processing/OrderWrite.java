package com.webhookbuffer.domain.processing;

import com.webhookbuffer.domain.order.OrderUpdate;
import com.webhookbuffer.domain.webhook.EventId;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.util.Objects;
import java.util.Optional;

/**
 * One order update to write, with the webhook it came from and its source. The store keys orders by source and
 * order id, and webhooks by source and webhook id: the webhook id makes the write idempotent within its source. The
 * event id, where the sender's platform sends one, is recorded beside the webhook id.
 */
public record OrderWrite(SourceName source, WebhookId webhookId, Optional<EventId> eventId, OrderUpdate update) {

    public OrderWrite {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(webhookId, "webhookId must not be null");
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(update, "update must not be null");
    }

    /** From a sender whose deliveries carry no event id of their own. */
    public OrderWrite(SourceName source, WebhookId webhookId, OrderUpdate update) {
        this(source, webhookId, Optional.empty(), update);
    }

    /** From the {@link SourceName#DEFAULT default} source. */
    public OrderWrite(WebhookId webhookId, OrderUpdate update) {
        this(SourceName.DEFAULT, webhookId, update);
    }
}
