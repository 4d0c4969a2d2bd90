package com.webhookbuffer.bootstrap.local;

import com.webhookbuffer.adapter.aws.SqsClients;
import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS-protocol server of the local stack (ElasticMQ, in this JVM) with the two queues the SAM template makes:
 * {@code orders}, whose redrive policy moves a message to {@code orders-dlq} after {@code MAX_RECEIVE_COUNT}
 * receives. The aws CLI and any SQS SDK reach them at {@link #endpoint()}.
 *
 * <p>ElasticMQ keeps messages in memory: they do not outlive the process. The stack says so at start and again,
 * with the counts, when it stops.
 */
final class LocalQueues implements AutoCloseable {

    static final String QUEUE_NAME = "orders";
    static final String DEAD_LETTER_QUEUE_NAME = "orders-dlq";
    static final Region REGION = Region.US_EAST_1;

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;
    private final String queueUrl;
    private final String queueArn;
    private final String deadLetterQueueUrl;

    private LocalQueues(SQSRestServer server, URI endpoint, SqsClient client, String queueUrl, String queueArn,
            String deadLetterQueueUrl) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = client;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    static LocalQueues start(int port, int visibilityTimeoutSeconds, int maxReceiveCount) {
        TheSQSRestServerBuilder builder = SQSRestServerBuilder.withInterface("127.0.0.1").withAWSRegion(REGION.id());
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
        int actualPort;
        try {
            actualPort = server.waitUntilStarted().localAddress().getPort();
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw new IllegalStateException("the SQS server could not listen on port " + port + " ("
                    + LocalSettings.SQS_PORT + "): " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + actualPort);
        SqsClient client = SqsClients.forEndpoint(endpoint, REGION);
        String deadLetterQueueUrl = client.createQueue(create -> create.queueName(DEAD_LETTER_QUEUE_NAME)).queueUrl();
        String queueUrl = client.createQueue(create -> create.queueName(QUEUE_NAME).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arn(client, deadLetterQueueUrl)
                        + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}")))
                .queueUrl();
        return new LocalQueues(server, endpoint, client, queueUrl, arn(client, queueUrl), deadLetterQueueUrl);
    }

    static String arn(SqsClient client, String queueUrl) {
        return client.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    URI endpoint() {
        return endpoint;
    }

    SqsClient client() {
        return client;
    }

    String queueUrl() {
        return queueUrl;
    }

    String queueArn() {
        return queueArn;
    }

    String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
