package com.webhookbuffer.bootstrap.lambda.ingest.archfixture;

import com.webhookbuffer.bootstrap.lambda.worker.WorkerSettings;

/** The ingest side reaching into the worker's package: the worker's classes would have to ship in the ingest jar. */
public class IngestUsingTheWorker {

    public String queue(WorkerSettings worker) {
        return worker.queueUrl();
    }
}
