package com.webhookbuffer.domain.webhook;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook request as it arrived, before anything about it was checked.
 *
 * <p>Which headers matter, and what a missing one means, is the sender's protocol's business, not the adapter's:
 * the adapter hands over all of them. The body is handed over, not copied: an adapter must not change it after.
 *
 * @param source        the sender the request was addressed as ({@code POST /webhooks/{source}})
 * @param headers       the request's headers
 * @param body          the raw body, exactly the bytes that were signed
 * @param correlationId the id that ties this request's log lines and message together
 */
public record IncomingWebhook(SourceName source, RequestHeaders headers, byte[] body, CorrelationId correlationId) {

    public IncomingWebhook {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(headers, "headers must not be null");
        Objects.requireNonNull(body, "body must not be null (use an empty array)");
        Objects.requireNonNull(correlationId, "correlationId must not be null");
    }

    /** A Standard Webhooks request to {@code source}; a null header value is a header not sent. */
    public IncomingWebhook(
            SourceName source,
            String contentType,
            String webhookId,
            String webhookTimestamp,
            String webhookSignature,
            byte[] body,
            CorrelationId correlationId) {
        this(source, standardHeaders(contentType, webhookId, webhookTimestamp, webhookSignature), body, correlationId);
    }

    /** A Standard Webhooks request to {@code POST /webhooks}: the {@link SourceName#DEFAULT default} source. */
    public IncomingWebhook(
            String contentType,
            String webhookId,
            String webhookTimestamp,
            String webhookSignature,
            byte[] body,
            CorrelationId correlationId) {
        this(SourceName.DEFAULT, contentType, webhookId, webhookTimestamp, webhookSignature, body, correlationId);
    }

    /** The {@code Content-Type} header, or null. */
    public String contentType() {
        return headers.value("content-type");
    }

    private static RequestHeaders standardHeaders(
            String contentType, String webhookId, String webhookTimestamp, String webhookSignature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", contentType);
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", webhookTimestamp);
        headers.put("webhook-signature", webhookSignature);
        return RequestHeaders.of(headers);
    }
}
