package com.webhookbuffer.adapter.http.in;

import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.RequestHeaders;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.Violation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * {@code POST /webhooks} and {@code POST /webhooks/{source}} as every HTTP door answers them, whichever platform delivers the request: the headers (any
 * case) and the body's bytes to the {@link WebhookInbox}, its outcome to the {@link HttpAnswer}. The correlation id
 * is the platform's request id when it is a usable one (else a random one), returned in
 * {@value HttpAnswer#CORRELATION_HEADER} and carried onto the queued message.
 *
 * <p>Logs one structured line per request (key-value pairs: correlation id, webhook id, outcome, status), which the
 * bootstrap renders as JSON. Never a secret, a signature or the body.
 */
public final class HttpWebhookEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(HttpWebhookEndpoint.class);

    private final WebhookInbox inbox;

    public HttpWebhookEndpoint(WebhookInbox inbox) {
        this.inbox = Objects.requireNonNull(inbox, "inbox must not be null");
    }

    /** A request to {@code POST /webhooks} whose body arrived as bytes: the default source's. */
    public HttpAnswer answer(Map<String, String> headers, byte[] body, String requestId) {
        return answer(null, headers, body, requestId);
    }

    /**
     * A request to {@code POST /webhooks/{source}} whose body arrived as bytes; {@code source} is the path's last
     * segment as the platform extracted it, or null for {@code POST /webhooks}. A segment that cannot be a
     * {@link SourceName} is no configured source: the inbox is not asked.
     */
    public HttpAnswer answer(String source, Map<String, String> headers, byte[] body, String requestId) {
        RequestHeaders anyCase = anyCase(headers);
        CorrelationId correlationId = correlationIdOf(requestId);
        byte[] bytes = body == null ? new byte[0] : body;
        if (source != null && !SourceName.isValid(source)) {
            return answered(anyCase, correlationId, new AcceptOutcome.UnknownSource(), bytes.length);
        }
        return answered(
                anyCase,
                correlationId,
                inbox.accept(new IncomingWebhook(
                        source == null ? SourceName.DEFAULT : SourceName.of(source), anyCase, bytes, correlationId)),
                bytes.length);
    }

    /**
     * A request whose body could not be taken as bytes at all (a platform's base64 that is not): nothing that could
     * be verified was sent, so the inbox is not asked.
     */
    public HttpAnswer unreadableBody(Map<String, String> headers, String why, String requestId) {
        return answered(
                anyCase(headers),
                correlationIdOf(requestId),
                new AcceptOutcome.InvalidPayload(List.of(new Violation("body", why))),
                0);
    }

    private static HttpAnswer answered(
            RequestHeaders headers, CorrelationId correlationId, AcceptOutcome outcome, int bodyBytes) {
        HttpAnswer answer = HttpAnswer.of(outcome, correlationId);
        // The protocol named the delivery when it was accepted (a platform's own id header); otherwise whatever
        // Standard Webhooks' header said, for the operator to match against the sender's log.
        String webhookId = outcome instanceof AcceptOutcome.Accepted accepted
                ? accepted.webhookId().value()
                : headers.value("webhook-id");
        log(correlationId, webhookId, outcome, answer.status(), bodyBytes);
        return answer;
    }

    /** The headers found by name in any case, built once per request and handed on as they are. */
    private static RequestHeaders anyCase(Map<String, String> headers) {
        return headers == null ? RequestHeaders.NONE : RequestHeaders.of(headers);
    }

    private static CorrelationId correlationIdOf(String requestId) {
        try {
            return requestId == null ? CorrelationId.random() : CorrelationId.of(requestId);
        } catch (IllegalArgumentException e) {
            return CorrelationId.random();
        }
    }

    /** One structured line per request; the logging backend chosen at bootstrap renders the pairs. */
    private static void log(
            CorrelationId correlationId, String webhookId, AcceptOutcome outcome, int status, int bodyBytes) {
        LoggingEventBuilder line = LOG.atInfo()
                .addKeyValue("event", "webhook.request")
                .addKeyValue("correlationId", correlationId.value())
                .addKeyValue(
                        "webhookId",
                        webhookId == null || webhookId.length() <= 255 ? webhookId : webhookId.substring(0, 255))
                .addKeyValue("outcome", outcome.label())
                .addKeyValue("status", status)
                .addKeyValue("bodyBytes", bodyBytes);
        switch (outcome) {
            case AcceptOutcome.Unauthenticated unauthenticated ->
                line = line.addKeyValue("reason", unauthenticated.reason());
            case AcceptOutcome.InvalidPayload invalid ->
                line = line.addKeyValue(
                        "reason",
                        String.join(
                                "; ",
                                invalid.violations().stream()
                                        .map(Object::toString)
                                        .limit(10)
                                        .toList()));
            case AcceptOutcome.QueueUnavailable unavailable -> line = line.addKeyValue("reason", unavailable.reason());
            case AcceptOutcome.Accepted accepted -> line = line.addKeyValue("messageId", accepted.messageId());
            case AcceptOutcome.NothingToQueue nothing -> line = line.addKeyValue("reason", nothing.reason());
            default -> {}
        }
        line.log("webhook request {}", outcome.label());
    }
}
