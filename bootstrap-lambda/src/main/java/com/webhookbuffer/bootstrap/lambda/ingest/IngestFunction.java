package com.webhookbuffer.bootstrap.lambda.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.crac.Core;

/**
 * The ingest Lambda for an HTTP API (payload format 2.0): {@code POST /webhooks} → 202 once SQS has the message.
 * Wired once per execution environment.
 */
public final class IngestFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final IngestWiring wiring;

    public IngestFunction() {
        this(IngestWiring.from(System.getenv()));
    }

    /** With the wiring given: for tests, which wire it from an environment of their own. */
    public IngestFunction(IngestWiring wiring) {
        this.wiring = wiring;
        // The wiring is the SnapStart resource; CRaC keeps only a weak reference, this function the strong one.
        Core.getGlobalContext().register(wiring);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return wiring.handler().handle(event);
    }
}
