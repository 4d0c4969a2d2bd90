package com.webhookbuffer.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * An accepted webhook as it waits in the queue: the validated body exactly as it was signed, with the metadata
 * the worker and an operator need.
 *
 * @param source        who sent it: with the webhook id, the idempotency key
 * @param webhookId     the idempotency key, within its source
 * @param receivedAt    when the inbox accepted it
 * @param correlationId the request it came in with
 * @param payload       the raw JSON body (UTF-8 text), already authenticated and validated
 */
public record QueuedWebhook(SourceName source, WebhookId webhookId, Instant receivedAt, CorrelationId correlationId,
        String payload) {

    public QueuedWebhook {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(webhookId, "webhookId must not be null");
        Objects.requireNonNull(receivedAt, "receivedAt must not be null");
        Objects.requireNonNull(correlationId, "correlationId must not be null");
        Objects.requireNonNull(payload, "payload must not be null");
        if (payload.isEmpty()) {
            throw new IllegalArgumentException("payload must not be empty");
        }
    }

    /** From the {@link SourceName#DEFAULT default} source: {@code POST /webhooks}. */
    public QueuedWebhook(WebhookId webhookId, Instant receivedAt, CorrelationId correlationId, String payload) {
        this(SourceName.DEFAULT, webhookId, receivedAt, correlationId, payload);
    }
}
