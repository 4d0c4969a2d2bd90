package com.webhookbuffer.domain.processing;

import com.webhookbuffer.domain.order.OrderUpdate;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.util.Objects;

/** One order update to write, with the webhook it came from: the webhook id makes the write idempotent. */
public record OrderWrite(WebhookId webhookId, OrderUpdate update) {

    public OrderWrite {
        Objects.requireNonNull(webhookId, "webhookId must not be null");
        Objects.requireNonNull(update, "update must not be null");
    }
}
