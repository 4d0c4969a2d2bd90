package com.webhookbuffer.bootstrap.local.cloud;

import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.local.parts.StateDirectory;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.standin.aws.ElasticMq;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The two queues the SAM template makes, on the local SQS-protocol server: {@code orders}, whose redrive policy
 * moves a message to {@code orders-dlq} after {@code MAX_RECEIVE_COUNT} receives. The aws CLI and any SQS SDK reach
 * them at {@link #endpoint()}. Their messages are kept in {@code LOCAL_STATE_DIR/queues.mv.db} and survive a stop, a
 * crash and a restart, like messages acknowledged by SQS.
 */
final class SqsQueues implements AutoCloseable {

    static final String QUEUE_NAME = "orders";
    static final String DEAD_LETTER_QUEUE_NAME = "orders-dlq";
    static final Region REGION = Region.of(ElasticMq.REGION);
    /** ElasticMQ's H2 file, without the {@code .mv.db} H2 adds. */
    static final String QUEUES_FILE = "queues";

    private final ElasticMq server;
    private final SqsClient client;
    private final DoorPublisher publisher;
    private final String queueUrl;
    private final String queueArn;
    private final String deadLetterQueueUrl;

    private SqsQueues(
            ElasticMq server,
            SqsClient client,
            DoorPublisher publisher,
            String queueUrl,
            String queueArn,
            String deadLetterQueueUrl) {
        this.server = server;
        this.client = client;
        this.publisher = publisher;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    static SqsQueues start(int port, int visibilityTimeoutSeconds, int maxReceiveCount, StateDirectory state) {
        // H2 creates its file with the process's umask; created here first, it is private from the first byte.
        state.precreatePrivate(QUEUES_FILE + ".mv.db");
        ElasticMq server = ElasticMq.kept(port, state.resolve(QUEUES_FILE), LocalSettings.SQS_PORT);
        SqsClient client = SqsClients.forEndpoint(server.endpoint(), REGION);
        String queueUrl;
        String deadLetterQueueUrl;
        String queueArn;
        try {
            deadLetterQueueUrl = createOrUpdate(client, DEAD_LETTER_QUEUE_NAME, Map.of());
            queueUrl = createOrUpdate(
                    client,
                    QUEUE_NAME,
                    Map.of(
                            QueueAttributeName.VISIBILITY_TIMEOUT,
                            Integer.toString(visibilityTimeoutSeconds),
                            QueueAttributeName.REDRIVE_POLICY,
                            "{\"deadLetterTargetArn\":\"" + arn(client, deadLetterQueueUrl)
                                    + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}"));
            queueArn = arn(client, queueUrl);
        } catch (RuntimeException e) {
            client.close();
            server.close();
            throw e;
        }
        DoorPublisher publisher = new DoorPublisher(server.endpoint(), REGION, queueUrl);
        SqsQueues queues = new SqsQueues(server, client, publisher, queueUrl, queueArn, deadLetterQueueUrl);
        try {
            publisher.connect();
        } catch (RuntimeException e) {
            queues.close();
            throw e;
        }
        return queues;
    }

    /** A restored queue keeps its messages and takes the attributes of this start. */
    private static String createOrUpdate(SqsClient client, String name, Map<QueueAttributeName, String> attributes) {
        try {
            String url = client.getQueueUrl(get -> get.queueName(name)).queueUrl();
            if (!attributes.isEmpty()) {
                client.setQueueAttributes(set -> set.queueUrl(url).attributes(attributes));
            }
            return url;
        } catch (QueueDoesNotExistException absent) {
            return client.createQueue(create -> create.queueName(name).attributes(attributes))
                    .queueUrl();
        }
    }

    private static String arn(SqsClient client, String queueUrl) {
        return client.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    URI endpoint() {
        return server.endpoint();
    }

    SqsClient client() {
        return client;
    }

    /** What the door publishes through: its concurrent sends coalesced into batch calls. */
    MessageQueue publisher() {
        return publisher.queue();
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
        try {
            publisher.close();
            client.close();
        } finally {
            server.close();
        }
    }
}
