package com.webhookbuffer.bootstrap.local.cloud;

import com.webhookbuffer.adapter.aws.out.SqsBatchingMessageQueue;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local door's side of the queue: an asynchronous client (the only kind the SDK's batch manager drives) and the
 * timer of its batching windows, closed in the order they depend on each other. One process answers every request
 * here, where each Lambda invocation answers one, so the requests in flight are published together as batch calls.
 */
record DoorPublisher(
        SqsAsyncClient client, ScheduledExecutorService windows, String queueUrl, SqsBatchingMessageQueue queue)
        implements AutoCloseable {

    /** For the door's first call, which starts its client (see {@link #connect}). */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    DoorPublisher(URI endpoint, Region region, String queueUrl) {
        this(
                SqsAsyncClient.builder()
                        .endpointOverride(endpoint)
                        .region(region)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .httpClientBuilder(
                                NettyNioAsyncHttpClient.builder().maxConcurrency(HttpFront.MAX_WEBHOOKS_IN_PROGRESS))
                        .build(),
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name("sqs-batches").factory()),
                queueUrl);
    }

    private DoorPublisher(SqsAsyncClient client, ScheduledExecutorService windows, String queueUrl) {
        this(client, windows, queueUrl, new SqsBatchingMessageQueue(client, queueUrl, windows));
    }

    /**
     * One call through the client before the door opens. The first call of an asynchronous client starts its event
     * loop, its connection and the SDK's asynchronous pipeline; left to the first webhooks, that start counts against
     * their publish timeout (in a fresh JVM, about 0.3 s of the first answers' 1.1 s).
     */
    void connect() {
        try {
            client.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the door cannot reach the SQS server just started: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the door was connecting to SQS", e);
        }
    }

    @Override
    public void close() {
        queue.close();
        client.close();
        windows.shutdownNow();
    }
}
