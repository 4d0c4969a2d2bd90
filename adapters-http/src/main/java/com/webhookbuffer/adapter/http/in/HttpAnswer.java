package com.webhookbuffer.adapter.http.in;

import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.Violation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP answer to an accept outcome: 202 (or 200 for {@link AcceptOutcome.NothingToQueue}) with a small JSON
 * body, or an RFC 9457 problem
 * ({@code application/problem+json}) whose {@code type} names the problem and whose {@code correlationId} lets
 * the sender quote the request to an operator.
 */
public record HttpAnswer(int status, Map<String, String> headers, String body) {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String PROBLEM_TYPE_PREFIX = "urn:webhook-buffer:problem:";

    static HttpAnswer of(AcceptOutcome outcome, CorrelationId correlationId) {
        return switch (outcome) {
            case AcceptOutcome.Accepted accepted ->
                new HttpAnswer(202, headers("application/json", correlationId), JsonText.object(json -> {
                    json.writeStringField("id", accepted.webhookId().value());
                    json.writeStringField("status", "accepted");
                }));
            case AcceptOutcome.NothingToQueue nothing ->
                new HttpAnswer(200, headers("application/json", correlationId), JsonText.object(json -> {
                    json.writeStringField("status", "not-queued");
                    json.writeStringField("reason", nothing.reason());
                }));
            case AcceptOutcome.InvalidPayload invalid ->
                problem(
                        400,
                        "invalid-payload",
                        "Invalid payload",
                        invalid.stoppedEarly()
                                ? "at least " + invalid.violations().size() + " field(s) break the webhook contract; "
                                        + "checking stopped at " + Violation.MAX_REPORTED
                                : invalid.violations().size() + " field(s) break the webhook contract",
                        correlationId,
                        invalid);
            case AcceptOutcome.Unauthenticated ignored ->
                problem(
                        401,
                        "unauthenticated",
                        "Unauthenticated",
                        "the request could not be authenticated",
                        correlationId,
                        null);
            case AcceptOutcome.PayloadTooLarge tooLarge ->
                problem(
                        413,
                        "payload-too-large",
                        "Payload too large",
                        "the body has " + tooLarge.actualBytes() + " bytes; at most " + tooLarge.limitBytes()
                                + " are accepted",
                        correlationId,
                        null);
            case AcceptOutcome.UnsupportedMediaType unsupported -> {
                HttpAnswer answer = problem(
                        415,
                        "unsupported-media-type",
                        "Unsupported media type",
                        "Content-Type must be application/json"
                                + (unsupported.contentType() == null ? " (none was sent)" : ""),
                        correlationId,
                        null);
                answer.headers().put("Accept-Post", "application/json");
                yield answer;
            }
            case AcceptOutcome.UnknownSource unknown ->
                problem(
                        404,
                        "unknown-source",
                        "Unknown source",
                        "no source is configured under this path; POST /webhooks, or /webhooks/{source} for a source "
                                + "named in SOURCES",
                        correlationId,
                        null);
            case AcceptOutcome.QueueUnavailable unavailable -> {
                HttpAnswer answer = problem(
                        503,
                        "queue-unavailable",
                        "Service unavailable",
                        "the queue did not confirm the webhook; send it again later",
                        correlationId,
                        null);
                answer.headers()
                        .put(
                                "Retry-After",
                                Long.toString(unavailable.retryAfter().toSeconds()));
                yield answer;
            }
        };
    }

    private static HttpAnswer problem(
            int status,
            String type,
            String title,
            String detail,
            CorrelationId correlationId,
            AcceptOutcome.InvalidPayload invalid) {
        String body = JsonText.object(json -> {
            json.writeStringField("type", PROBLEM_TYPE_PREFIX + type);
            json.writeStringField("title", title);
            json.writeNumberField("status", status);
            json.writeStringField("detail", detail);
            json.writeStringField("correlationId", correlationId.value());
            if (invalid != null) {
                json.writeNumberField("violationCount", invalid.violations().size());
                json.writeBooleanField("stoppedEarly", invalid.stoppedEarly());
                json.writeArrayFieldStart("violations");
                for (Violation violation : invalid.violations()) {
                    json.writeStartObject();
                    json.writeStringField("field", violation.field());
                    json.writeStringField("message", violation.message());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
        });
        return new HttpAnswer(status, headers("application/problem+json", correlationId), body);
    }

    private static Map<String, String> headers(String contentType, CorrelationId correlationId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put(CORRELATION_HEADER, correlationId.value());
        return headers;
    }
}
