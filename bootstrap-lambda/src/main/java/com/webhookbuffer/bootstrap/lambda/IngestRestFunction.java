package com.webhookbuffer.bootstrap.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import org.crac.Core;
import org.crac.Resource;

/** The ingest Lambda for a REST API proxy integration (payload format 1.0); otherwise as {@link IngestFunction}. */
public final class IngestRestFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, Resource {

    private final Wiring.Ingest wiring;

    public IngestRestFunction() {
        this(Wiring.Ingest.from(System.getenv()));
    }

    IngestRestFunction(Wiring.Ingest wiring) {
        this.wiring = wiring;
        Core.getGlobalContext().register(this);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return wiring.handler().handle(event);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.payloadPath(wiring.payloadReader(), 200);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing was frozen open.
    }
}
