package com.webhookbuffer.adapter.aws.in;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.webhookbuffer.adapter.http.in.HttpAnswer;
import com.webhookbuffer.adapter.http.in.HttpWebhookEndpoint;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an API Gateway request (REST API proxy, payload v1, or HTTP API, payload v2) into what the
 * {@link HttpWebhookEndpoint} reads (headers in any case, the body's bytes, API Gateway's request id as the
 * correlation id) and its {@link HttpAnswer} into API Gateway's response. Repeated headers (v1 multi-value) are joined
 * as HTTP allows; base64-encoded bodies are decoded.
 */
public final class ApiGatewayWebhookHandler {

    /** The path parameter of the route {@code POST /webhooks/{source}}, as the SAM template names it. */
    public static final String SOURCE_PARAMETER = "source";

    private final HttpWebhookEndpoint endpoint;

    public ApiGatewayWebhookHandler(WebhookInbox inbox) {
        this.endpoint = new HttpWebhookEndpoint(inbox);
    }

    /** REST API proxy integration (payload format 1.0). */
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        Map<String, String> headers = joined(event.getHeaders(), event.getMultiValueHeaders());
        String requestId = event.getRequestContext() == null
                ? null
                : event.getRequestContext().getRequestId();
        HttpAnswer answer = answer(
                source(event.getPathParameters()),
                headers,
                event.getBody(),
                Boolean.TRUE.equals(event.getIsBase64Encoded()),
                requestId);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(answer.status())
                .withHeaders(answer.headers())
                .withBody(answer.body())
                .withIsBase64Encoded(false);
    }

    /** HTTP API (payload format 2.0). */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        String requestId = event.getRequestContext() == null
                ? null
                : event.getRequestContext().getRequestId();
        HttpAnswer answer = answer(
                source(event.getPathParameters()),
                event.getHeaders(),
                event.getBody(),
                event.getIsBase64Encoded(),
                requestId);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(answer.status())
                .withHeaders(answer.headers())
                .withBody(answer.body())
                .withIsBase64Encoded(false)
                .build();
    }

    /** The {@code {source}} of the route {@code POST /webhooks/{source}}, or null for {@code POST /webhooks}. */
    private static String source(Map<String, String> pathParameters) {
        return pathParameters == null ? null : pathParameters.get(SOURCE_PARAMETER);
    }

    private HttpAnswer answer(
            String source, Map<String, String> headers, String body, boolean base64, String requestId) {
        if (body == null) {
            return endpoint.answer(source, headers, new byte[0], requestId);
        }
        if (!base64) {
            return endpoint.answer(source, headers, body.getBytes(StandardCharsets.UTF_8), requestId);
        }
        try {
            return endpoint.answer(source, headers, Base64.getDecoder().decode(body), requestId);
        } catch (IllegalArgumentException e) {
            return endpoint.unreadableBody(headers, "is marked base64 but is not", requestId);
        }
    }

    /** The v1 event's single and multi-value headers as one map; a repeated header joined with ", ". */
    private static Map<String, String> joined(Map<String, String> single, Map<String, List<String>> multi) {
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
}
