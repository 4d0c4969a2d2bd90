package com.webhookbuffer.domain.webhook;

import java.util.Objects;

/**
 * A webhook request as it arrived, before anything about it was checked.
 *
 * <p>The header fields are {@code null} when the request did not carry them: deciding what a missing header means
 * is the inbox's job, not the adapter's. The body is handed over, not copied: an adapter must not change it after.
 *
 * @param source           the sender the request was addressed as ({@code POST /webhooks/{source}})
 * @param contentType      the {@code Content-Type} header
 * @param webhookId        the {@code webhook-id} header
 * @param webhookTimestamp the {@code webhook-timestamp} header (unix seconds, as text)
 * @param webhookSignature the {@code webhook-signature} header (space-separated {@code v1,<base64>} entries)
 * @param body             the raw body, exactly the bytes that were signed
 * @param correlationId    the id that ties this request's log lines and message together
 */
public record IncomingWebhook(
        SourceName source,
        String contentType,
        String webhookId,
        String webhookTimestamp,
        String webhookSignature,
        byte[] body,
        CorrelationId correlationId) {

    public IncomingWebhook {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(body, "body must not be null (use an empty array)");
        Objects.requireNonNull(correlationId, "correlationId must not be null");
    }

    /** Addressed to {@code POST /webhooks}: the {@link SourceName#DEFAULT default} source. */
    public IncomingWebhook(String contentType, String webhookId, String webhookTimestamp, String webhookSignature,
            byte[] body, CorrelationId correlationId) {
        this(SourceName.DEFAULT, contentType, webhookId, webhookTimestamp, webhookSignature, body, correlationId);
    }
}
