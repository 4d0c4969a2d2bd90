package com.webhookbuffer.bootstrap.local;

import com.webhookbuffer.adapter.aws.in.SqsBatchHandler;
import com.webhookbuffer.adapter.aws.out.SqsDeadLetterQueue;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import com.webhookbuffer.bootstrap.lambda.ingest.IngestWiring;
import com.webhookbuffer.bootstrap.lambda.ingest.SigningSecrets;
import com.webhookbuffer.bootstrap.lambda.worker.WorkerSettings;
import com.webhookbuffer.bootstrap.lambda.worker.WorkerWiring;
import com.webhookbuffer.bootstrap.settings.Settings;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.webhook.SourceName;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * AWS, played here (the default, {@code CLOUD=aws}): ElasticMQ for SQS, with its queues kept on disk; the ingest
 * Lambda's handler behind what API Gateway would hand it, publishing the requests in flight together as batch calls
 * (one process answers them all here, where each Lambda invocation answers one); an {@link EventSourcePoller} for
 * the SQS event source.
 */
record LocalAws(LocalSettings settings, LocalQueues queues) implements LocalCloud {

    static LocalAws start(LocalSettings settings, StateDirectory state) {
        // H2 creates its file with the process's umask; created here first, it is private from the first byte.
        state.precreatePrivate(LocalStack.QUEUES_FILE + ".mv.db");
        return new LocalAws(settings, LocalQueues.start(settings.sqsPort(), settings.visibilityTimeoutSeconds(),
                settings.maxReceiveCount(), state.resolve(LocalStack.QUEUES_FILE)));
    }

    @Override
    public HttpFront.Door door(IngestSettings ingest, Map<SourceName, NamedSource> namedSources,
            IngestMetrics metrics) {
        return HttpFront.apiGateway(IngestWiring.of(ingest, SigningSecrets.fixed(ingest.keys()), namedSources,
                queues.publisher(), metrics).handler());
    }

    @Override
    public DeadLetterQueue deadLetterQueue() {
        return SqsDeadLetterQueue.of(queues.client(), queues.queueUrl(), queues.deadLetterQueueUrl());
    }

    @Override
    public WorkerFeed startWorker(DataSource database, UnaryOperator<WebhookProcessor> watching,
            WorkerMetrics metrics) {
        WebhookProcessor worker = WorkerWiring.processor(
                new WorkerSettings(queues.queueUrl(), queues.deadLetterQueueUrl(),
                        Settings.retryBackoff(settings.variables())),
                Wiring.newPayloadReader(), database, queues.client(), RandomGenerator.getDefault(), metrics);
        return new EventSourcePoller(queues.client(), queues.queueUrl(), queues.queueArn(), settings.batchSize(),
                settings.workerMaxConcurrency(), new SqsBatchHandler(watching.apply(worker)));
    }

    @Override
    public List<String> describe() {
        return List.of(
                "  SQS          " + queues.endpoint() + "  (aws sqs --endpoint-url " + queues.endpoint()
                        + " --region us-east-1 ...)",
                "    queue      " + queues.queueUrl() + "  (visibility " + settings.visibilityTimeoutSeconds()
                        + " s, to the DLQ after " + settings.maxReceiveCount() + " receives)",
                "    DLQ        " + queues.deadLetterQueueUrl(),
                "    kept in    " + settings.stateDirectory().resolve(LocalStack.QUEUES_FILE + ".mv.db")
                        + "  (messages survive a restart; delete it to start with empty queues)");
    }

    @Override
    public void close() {
        queues.close();
    }
}
