package com.webhookbuffer.standin.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * What API Gateway's HTTP API hands a function for a request (the payload-2.0 event), for hosts that play API
 * Gateway (the local stack, tests): headers in lower case with repeated values joined, the body base64 so no byte
 * changes, a fresh request id.
 */
public final class ApiGatewayEvents {

    private ApiGatewayEvents() {}

    /**
     * A {@code POST} matched by {@code routeKey} (e.g. {@code POST /webhooks/{source}}) with its path parameters
     * (null when the route has none).
     */
    public static APIGatewayV2HTTPEvent post(
            String routeKey,
            Map<String, String> pathParameters,
            String rawPath,
            String rawQuery,
            Map<String, String> headers,
            byte[] body,
            String sourceIp) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withPathParameters(pathParameters)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(headers)
                .withBody(Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(true)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withTimeEpoch(Instant.now().toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("POST")
                                .withPath(rawPath)
                                .withSourceIp(sourceIp)
                                .build())
                        .build())
                .build();
    }
}
