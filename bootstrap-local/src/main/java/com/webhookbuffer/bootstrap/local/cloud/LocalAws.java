package com.webhookbuffer.bootstrap.local.cloud;

import com.webhookbuffer.adapter.aws.in.ApiGatewayWebhookHandler;
import com.webhookbuffer.adapter.aws.in.SqsBatchHandler;
import com.webhookbuffer.adapter.aws.out.SqsDeadLetterQueue;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.bootstrap.lambda.ingest.IngestWiring;
import com.webhookbuffer.bootstrap.lambda.ingest.SigningSecrets;
import com.webhookbuffer.bootstrap.lambda.worker.WorkerSettings;
import com.webhookbuffer.bootstrap.lambda.worker.WorkerWiring;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.local.parts.StateDirectory;
import com.webhookbuffer.bootstrap.pipeline.Pipeline;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.standin.WorkerFeed;
import com.webhookbuffer.standin.aws.EventSourcePoller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * AWS, played here ({@code CLOUD=aws}): ElasticMQ for SQS, with its queues kept on disk ({@link SqsQueues}); the
 * ingest Lambda's handler behind what API Gateway would hand it ({@link ApiGatewayDoor}), publishing the requests in flight together as batch
 * calls ({@link DoorPublisher}); an {@link EventSourcePoller} for the SQS event source.
 */
record LocalAws(LocalSettings settings, SqsQueues queues) implements LocalCloud {

    static LocalAws start(LocalSettings settings, StateDirectory state) {
        return new LocalAws(
                settings,
                SqsQueues.start(
                        settings.sqsPort(), settings.visibilityTimeoutSeconds(), settings.maxReceiveCount(), state));
    }

    @Override
    public HttpFront.Door door(
            IngestSettings ingest, Map<SourceName, NamedSource> namedSources, IngestMetrics metrics) {
        ApiGatewayWebhookHandler handler = IngestWiring.of(
                        ingest, SigningSecrets.fixed(ingest.keys()), namedSources, queues.publisher(), metrics)
                .handler();
        return ApiGatewayDoor.of(handler);
    }

    @Override
    public DeadLetterQueue deadLetterQueue() {
        return SqsDeadLetterQueue.of(queues.client(), queues.queueUrl(), queues.deadLetterQueueUrl());
    }

    @Override
    public WorkerFeed startWorker(
            DataSource database, UnaryOperator<WebhookProcessor> watching, WorkerMetrics metrics) {
        WebhookProcessor worker = WorkerWiring.processor(
                new WorkerSettings(
                        queues.queueUrl(), queues.deadLetterQueueUrl(), Settings.retryPolicy(settings.variables())),
                Pipeline.payloadReader(),
                database,
                queues.client(),
                RandomGenerator.getDefault(),
                metrics);
        return new EventSourcePoller(
                queues.client(),
                queues.queueUrl(),
                queues.queueArn(),
                settings.batchSize(),
                settings.workerMaxConcurrency(),
                new SqsBatchHandler(watching.apply(worker))::handle);
    }

    @Override
    public List<String> describe() {
        return List.of(
                "  SQS          " + queues.endpoint() + "  (aws sqs --endpoint-url " + queues.endpoint()
                        + " --region us-east-1 ...)",
                "    queue      " + queues.queueUrl() + "  (visibility " + settings.visibilityTimeoutSeconds()
                        + " s, to the DLQ after " + settings.maxReceiveCount() + " receives)",
                "    DLQ        " + queues.deadLetterQueueUrl(),
                "    kept in    " + settings.stateDirectory().resolve(SqsQueues.QUEUES_FILE + ".mv.db")
                        + "  (messages survive a restart; delete it to start with empty queues)");
    }

    @Override
    public Optional<SqsAddresses> sqs() {
        return Optional.of(new SqsAddresses(queues.endpoint(), queues.queueUrl(), queues.deadLetterQueueUrl()));
    }

    @Override
    public void close() {
        queues.close();
    }
}
