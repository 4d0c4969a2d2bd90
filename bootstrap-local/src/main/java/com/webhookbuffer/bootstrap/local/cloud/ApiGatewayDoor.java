package com.webhookbuffer.bootstrap.local.cloud;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.webhookbuffer.adapter.aws.in.ApiGatewayWebhookHandler;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.standin.aws.ApiGatewayEvents;
import java.util.Map;

/** AWS's door here: the ingest Lambda's handler, handed what API Gateway's HTTP API would hand it. */
public final class ApiGatewayDoor {

    private ApiGatewayDoor() {}

    public static HttpFront.Door of(ApiGatewayWebhookHandler ingest) {
        return (exchange, body) -> {
            APIGatewayV2HTTPResponse response = ingest.handle(event(exchange, body));
            return new HttpFront.Answer(
                    response.getStatusCode(),
                    response.getHeaders(),
                    response.getBody() == null ? "" : response.getBody());
        };
    }

    /** What the routes {@code POST /webhooks} and {@code POST /webhooks/{source}} hand the function. */
    private static APIGatewayV2HTTPEvent event(HttpExchange exchange, byte[] body) {
        String source = HttpFront.source(exchange);
        return ApiGatewayEvents.post(
                source == null ? "POST " + HttpFront.WEBHOOKS_PATH : "POST " + HttpFront.WEBHOOKS_PATH + "/{source}",
                source == null ? null : Map.of(ApiGatewayWebhookHandler.SOURCE_PARAMETER, source),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                HttpFront.headers(exchange),
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress());
    }
}
