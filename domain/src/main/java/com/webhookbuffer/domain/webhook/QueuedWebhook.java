package com.webhookbuffer.domain.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted webhook as it waits in the queue: the validated body exactly as it was signed, with the metadata
 * the worker and an operator need.
 *
 * @param source        who sent it: with the webhook id, the idempotency key
 * @param webhookId     the idempotency key, within its source
 * @param eventId       the event's own id, where the sender's platform sends one (recorded beside the webhook id)
 * @param receivedAt    when the inbox accepted it
 * @param correlationId the request it came in with
 * @param payload       the order in the contract (UTF-8 JSON), authenticated and validated: the body exactly as
 *                      signed for a Standard Webhooks sender, a platform's body translated into it otherwise
 */
public record QueuedWebhook(
        SourceName source,
        WebhookId webhookId,
        Optional<EventId> eventId,
        Instant receivedAt,
        CorrelationId correlationId,
        String payload) {

    public QueuedWebhook {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(webhookId, "webhookId must not be null");
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(receivedAt, "receivedAt must not be null");
        Objects.requireNonNull(correlationId, "correlationId must not be null");
        Objects.requireNonNull(payload, "payload must not be null");
        if (payload.isEmpty()) {
            throw new IllegalArgumentException("payload must not be empty");
        }
    }

    /** From a sender whose deliveries carry no event id of their own. */
    public QueuedWebhook(
            SourceName source, WebhookId webhookId, Instant receivedAt, CorrelationId correlationId, String payload) {
        this(source, webhookId, Optional.empty(), receivedAt, correlationId, payload);
    }

    /** From the {@link SourceName#DEFAULT default} source: {@code POST /webhooks}. */
    public QueuedWebhook(WebhookId webhookId, Instant receivedAt, CorrelationId correlationId, String payload) {
        this(SourceName.DEFAULT, webhookId, receivedAt, correlationId, payload);
    }
}
