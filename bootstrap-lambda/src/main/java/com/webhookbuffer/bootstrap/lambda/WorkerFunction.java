package com.webhookbuffer.bootstrap.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.crac.Core;
import org.crac.Resource;

/**
 * The worker Lambda: an SQS batch in, batch item failures out ({@code ReportBatchItemFailures}). Its concurrency
 * is capped by the event source mapping so the database never sees more connections than its budget.
 *
 * <p>SnapStart: the payload path is primed and the connection pool closed before the snapshot (frozen connections
 * would be dead or, worse, shared by every restored copy); a fresh pool opens after restore.
 */
public final class WorkerFunction implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {

    private final Wiring.Worker wiring;

    public WorkerFunction() {
        this(Wiring.Worker.from(System.getenv(), DatabaseCredentials.fromEnvironment()));
    }

    WorkerFunction(Wiring.Worker wiring) {
        this.wiring = wiring;
        Core.getGlobalContext().register(this);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return wiring.handler().handle(event);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.batchPath(wiring.payloadReader(), 200);
        wiring.handler().handle(new SQSEvent());
        wiring.dataSource().close();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        wiring.dataSource().reopen();
    }
}
