package com.webhookbuffer.adapter.aws.out.archfixture;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.webhookbuffer.adapter.aws.in.SqsBatchHandler;

/** A driven adapter that calls a driving one: the queue handing messages to the worker's handler itself. */
public class QueueCallingAHandler {

    public SQSBatchResponse deliver(SqsBatchHandler handler, SQSEvent event) {
        return handler.handle(event);
    }
}
