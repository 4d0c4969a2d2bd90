package com.webhookbuffer.bootstrap.lambda.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import org.crac.Core;

/** The ingest Lambda for a REST API proxy integration (payload format 1.0); otherwise as {@link IngestFunction}. */
public final class IngestRestFunction
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final IngestWiring wiring;

    public IngestRestFunction() {
        this(IngestWiring.from(System.getenv()));
    }

    /** With the wiring given: for tests, which wire it from an environment of their own. */
    public IngestRestFunction(IngestWiring wiring) {
        this.wiring = wiring;
        // The wiring is the SnapStart resource; CRaC keeps only a weak reference, this function the strong one.
        Core.getGlobalContext().register(wiring);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return wiring.handler().handle(event);
    }
}
