package com.webhookbuffer.adapter.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.adapter.aws.out.SqsMessages;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.standin.aws.ElasticMq;
import com.webhookbuffer.standin.aws.SqsEvents;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

/**
 * A real SQS-protocol server (ElasticMQ) in the test JVM, started once, and a client for it. Each test makes
 * queues of its own, so tests never see each other's messages.
 */
public final class TestSqs {

    private static final AtomicInteger QUEUES = new AtomicInteger();
    private static SqsClient client;
    private static URI endpoint;

    /** Where the server listens, for code that builds its own client (AWS_ENDPOINT_URL_SQS). */
    public static synchronized URI endpoint() {
        client();
        return endpoint;
    }

    private TestSqs() {}

    public static synchronized SqsClient client() {
        if (client == null) {
            ElasticMq server = ElasticMq.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            endpoint = server.endpoint();
            client = SqsClients.forEndpoint(endpoint, Region.US_EAST_1);
        }
        return client;
    }

    /** A queue and its dead-letter queue, with the redrive policy and visibility timeout given. */
    public record Queues(String queueUrl, String deadLetterQueueUrl) {}

    /**
     * Receives up to ten messages the way the Lambda event source mapping does and hands them over as an
     * {@link SQSEvent} with every field the worker reads (ids, receipt handles, receive count, attributes).
     */
    public static SQSEvent receiveEvent(String queueUrl, int waitSeconds) {
        List<Message> messages = client().receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(waitSeconds)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(SqsEvents.SYSTEM_ATTRIBUTES))
                .messages();
        String queueName = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        return SqsEvents.of(messages, "arn:aws:sqs:us-east-1:000000000000:" + queueName);
    }

    /** Receives up to {@code maxMessages} as deliveries, waiting at most {@code wait} for the first. */
    public static List<Delivery> receive(String queueUrl, int maxMessages, Duration wait) {
        int waitSeconds = (int) Math.min(20, wait.toSeconds());
        return client()
                .receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(maxMessages)
                        .waitTimeSeconds(waitSeconds)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(SqsEvents.SYSTEM_ATTRIBUTES))
                .messages()
                .stream()
                .map(SqsMessages::toDelivery)
                .toList();
    }

    /** Deletes a delivered message, as the event source does with one the worker completed. */
    public static void acknowledge(String queueUrl, Delivery delivery) {
        client().deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(delivery.receipt()));
    }

    /** What the event source mapping does after the function returns: deletes every message not reported failed. */
    public static void deleteSucceeded(String queueUrl, SQSEvent event, SQSBatchResponse response) {
        Set<String> failed = new HashSet<>();
        response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
        for (SQSEvent.SQSMessage record : event.getRecords()) {
            if (!failed.contains(record.getMessageId())) {
                try {
                    client().deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(record.getReceiptHandle()));
                } catch (ReceiptHandleIsInvalidException alreadyDeleted) {
                    // The worker deleted it itself (a dead-lettered poison message): nothing left to do.
                }
            }
        }
    }

    public static Queues create(int visibilityTimeoutSeconds, int maxReceiveCount) {
        SqsClient sqs = client();
        int n = QUEUES.incrementAndGet();
        String dlqUrl =
                sqs.createQueue(create -> create.queueName("orders-dlq-" + n)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(get -> get.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = sqs.createQueue(create -> create.queueName("orders-" + n)
                        .attributes(Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Integer.toString(visibilityTimeoutSeconds),
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount
                                        + "\"}")))
                .queueUrl();
        return new Queues(queueUrl, dlqUrl);
    }
}
