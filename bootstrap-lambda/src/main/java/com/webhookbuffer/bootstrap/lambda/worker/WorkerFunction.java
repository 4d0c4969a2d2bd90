package com.webhookbuffer.bootstrap.lambda.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.crac.Core;

/**
 * The worker Lambda: an SQS batch in, batch item failures out ({@code ReportBatchItemFailures}). Its concurrency
 * is capped by the event source mapping so the database never sees more connections than its budget; and it holds
 * its connections only while it writes a batch, so an idle execution environment (or the previous version's, after
 * a deploy) holds none.
 */
public final class WorkerFunction implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final WorkerWiring wiring;

    public WorkerFunction() {
        this(WorkerWiring.from(System.getenv(), DatabaseCredentials.fromEnvironment()));
    }

    /** With the wiring given: for tests, which wire it from an environment of their own. */
    public WorkerFunction(WorkerWiring wiring) {
        this.wiring = wiring;
        // The wiring is the SnapStart resource; CRaC keeps only a weak reference, this function the strong one.
        Core.getGlobalContext().register(wiring);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try {
            return wiring.handler().handle(event);
        } finally {
            wiring.dataSource().releaseConnections();
        }
    }
}
