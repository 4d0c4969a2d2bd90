package com.webhookbuffer.bootstrap.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.crac.Core;
import org.crac.Resource;

/**
 * The ingest Lambda for an HTTP API (payload format 2.0): {@code POST /webhooks} → 202 once SQS has the message.
 * Wired once per execution environment; primed before a SnapStart snapshot.
 */
public final class IngestFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    private final Wiring.Ingest wiring;

    public IngestFunction() {
        this(Wiring.Ingest.from(System.getenv()));
    }

    IngestFunction(Wiring.Ingest wiring) {
        this.wiring = wiring;
        Core.getGlobalContext().register(this);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return wiring.handler().handle(event);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.payloadPath(wiring.payloadReader(), 200);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // The URL-connection client opens its connections per request: nothing was frozen open.
    }
}
