package com.webhookbuffer.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** What the ingest benchmarks hand the function: the event API Gateway would, for one signed Standard Webhook. */
final class BenchmarkEvents {

    static final String WEBHOOK_ID = "msg_bench";

    private BenchmarkEvents() {}

    /** {@code body} as delivery {@link #WEBHOOK_ID}, signed at {@code timestamp} with {@code signature}. */
    static APIGatewayV2HTTPEvent signed(String body, long timestamp, String signature) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(Map.of(
                "content-type",
                "application/json",
                "webhook-id",
                WEBHOOK_ID,
                "webhook-timestamp",
                Long.toString(timestamp),
                "webhook-signature",
                signature));
        event.setBody(body);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("req-bench")
                .build());
        return event;
    }
}
