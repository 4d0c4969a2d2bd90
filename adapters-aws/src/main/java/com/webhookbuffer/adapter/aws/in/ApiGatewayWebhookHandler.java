package com.webhookbuffer.adapter.aws.in;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Turns an API Gateway request (REST API proxy, payload v1, or HTTP API, payload v2) into an
 * {@link IncomingWebhook}, asks the {@link WebhookInbox}, and turns the outcome into the HTTP answer. Header names
 * are matched without regard to case; base64-encoded bodies are decoded. The correlation id is API Gateway's
 * request id, returned in {@value HttpAnswer#CORRELATION_HEADER} and carried onto the queued message.
 *
 * <p>Logs one structured line per request (key-value pairs: correlation id, webhook id, outcome, status), which
 * the Lambda bootstrap renders as JSON. Never a secret, a signature or the body.
 */
public final class ApiGatewayWebhookHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayWebhookHandler.class);

    private final WebhookInbox inbox;

    public ApiGatewayWebhookHandler(WebhookInbox inbox) {
        this.inbox = Objects.requireNonNull(inbox, "inbox must not be null");
    }

    /** REST API proxy integration (payload format 1.0). */
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        Map<String, String> headers = caseInsensitive(event.getHeaders(), event.getMultiValueHeaders());
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        HttpAnswer answer = answer(headers, event.getBody(), Boolean.TRUE.equals(event.getIsBase64Encoded()),
                requestId);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(answer.status())
                .withHeaders(answer.headers())
                .withBody(answer.body())
                .withIsBase64Encoded(false);
    }

    /** HTTP API (payload format 2.0). */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = caseInsensitive(event.getHeaders(), null);
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        HttpAnswer answer = answer(headers, event.getBody(), event.getIsBase64Encoded(), requestId);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(answer.status())
                .withHeaders(answer.headers())
                .withBody(answer.body())
                .withIsBase64Encoded(false)
                .build();
    }

    private HttpAnswer answer(Map<String, String> headers, String body, boolean base64, String requestId) {
        CorrelationId correlationId = correlationIdOf(requestId);
        byte[] bytes = bodyOf(body, base64);
        AcceptOutcome outcome = bytes == null
                ? new AcceptOutcome.InvalidPayload(List.of(new Violation("body", "is marked base64 but is not")))
                : inbox.accept(new IncomingWebhook(headers.get("content-type"), headers.get("webhook-id"),
                        headers.get("webhook-timestamp"), headers.get("webhook-signature"), bytes, correlationId));
        HttpAnswer answer = HttpAnswer.of(outcome, correlationId);
        log(correlationId, headers.get("webhook-id"), outcome, answer.status(), bytes == null ? 0 : bytes.length);
        return answer;
    }

    /** The body's bytes; null when it claims base64 but is not (then nothing we could verify was sent). */
    private static byte[] bodyOf(String body, boolean base64) {
        if (body == null) {
            return new byte[0];
        }
        if (!base64) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static CorrelationId correlationIdOf(String requestId) {
        try {
            return requestId == null ? CorrelationId.random() : CorrelationId.of(requestId);
        } catch (IllegalArgumentException e) {
            return CorrelationId.random();
        }
    }

    /** Header names in any case; repeated headers (v1 multi-value) joined with ", " as HTTP allows. */
    private static Map<String, String> caseInsensitive(Map<String, String> single, Map<String, List<String>> multi) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (single != null) {
            headers.putAll(single);
        }
        if (multi != null) {
            multi.forEach((name, values) -> {
                if (values != null && !values.isEmpty()) {
                    headers.put(name, String.join(", ", values));
                }
            });
        }
        return headers;
    }

    /** One structured line per request; the logging backend chosen at bootstrap renders the pairs (as JSON on AWS). */
    private static void log(CorrelationId correlationId, String webhookId, AcceptOutcome outcome, int status,
            int bodyBytes) {
        LoggingEventBuilder line = LOG.atInfo()
                .addKeyValue("event", "webhook.request")
                .addKeyValue("correlationId", correlationId.value())
                .addKeyValue("webhookId", webhookId == null || webhookId.length() <= 255
                        ? webhookId : webhookId.substring(0, 255))
                .addKeyValue("outcome", outcomeName(outcome))
                .addKeyValue("status", status)
                .addKeyValue("bodyBytes", bodyBytes);
        switch (outcome) {
            case AcceptOutcome.Unauthenticated unauthenticated -> line = line.addKeyValue("reason", unauthenticated.reason());
            case AcceptOutcome.InvalidPayload invalid -> line = line.addKeyValue("reason",
                    String.join("; ", invalid.violations().stream().map(Object::toString).limit(10).toList()));
            case AcceptOutcome.QueueUnavailable unavailable -> line = line.addKeyValue("reason", unavailable.reason());
            case AcceptOutcome.Accepted accepted -> line = line.addKeyValue("messageId", accepted.messageId());
            default -> {
            }
        }
        line.log("webhook request {}", outcomeName(outcome));
    }

    static String outcomeName(AcceptOutcome outcome) {
        return switch (outcome) {
            case AcceptOutcome.Accepted a -> "accepted";
            case AcceptOutcome.InvalidPayload i -> "invalid-payload";
            case AcceptOutcome.Unauthenticated u -> "unauthenticated";
            case AcceptOutcome.PayloadTooLarge p -> "payload-too-large";
            case AcceptOutcome.UnsupportedMediaType m -> "unsupported-media-type";
            case AcceptOutcome.QueueUnavailable q -> "queue-unavailable";
        };
    }
}
