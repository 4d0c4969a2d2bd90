package com.webhookbuffer.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * An accepted webhook as it waits in the queue: the validated body exactly as it was signed, with the metadata
 * the worker and an operator need.
 *
 * @param webhookId     the idempotency key
 * @param receivedAt    when the inbox accepted it
 * @param correlationId the request it came in with
 * @param payload       the raw JSON body (UTF-8 text), already authenticated and validated
 */
public record QueuedWebhook(WebhookId webhookId, Instant receivedAt, CorrelationId correlationId, String payload) {

    public QueuedWebhook {
        Objects.requireNonNull(webhookId, "webhookId must not be null");
        Objects.requireNonNull(receivedAt, "receivedAt must not be null");
        Objects.requireNonNull(correlationId, "correlationId must not be null");
        Objects.requireNonNull(payload, "payload must not be null");
        if (payload.isEmpty()) {
            throw new IllegalArgumentException("payload must not be empty");
        }
    }
}
