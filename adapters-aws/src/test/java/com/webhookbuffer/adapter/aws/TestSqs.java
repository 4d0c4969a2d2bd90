package com.webhookbuffer.adapter.aws;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A real SQS-protocol server (ElasticMQ) in the test JVM, started once, and a client for it. Each test makes
 * queues of its own, so tests never see each other's messages.
 */
final class TestSqs {

    private static final AtomicInteger QUEUES = new AtomicInteger();
    private static SqsClient client;

    private TestSqs() {
    }

    static synchronized SqsClient client() {
        if (client == null) {
            SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
            int port = server.waitUntilStarted().localAddress().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait));
            client = SqsClients.forEndpoint(URI.create("http://127.0.0.1:" + port), Region.US_EAST_1);
        }
        return client;
    }

    /** A queue and its dead-letter queue, with the redrive policy and visibility timeout given. */
    record Queues(String queueUrl, String deadLetterQueueUrl) {
    }

    static Queues create(int visibilityTimeoutSeconds, int maxReceiveCount) {
        SqsClient sqs = client();
        int n = QUEUES.incrementAndGet();
        String dlqUrl = sqs.createQueue(create -> create.queueName("orders-dlq-" + n)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(get -> get.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = sqs.createQueue(create -> create.queueName("orders-" + n).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}")))
                .queueUrl();
        return new Queues(queueUrl, dlqUrl);
    }
}
