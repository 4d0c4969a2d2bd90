package com.webhookbuffer.adapter.aws.out;

import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import java.util.Objects;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link MessageQueue} on Amazon SQS (or anything that speaks its protocol, such as ElasticMQ). The envelope travels
 * as {@link SqsMessages} says; the redrive policy (maxReceiveCount, the dead-letter queue) is the queue's own
 * configuration, set where the queue is created (the SAM template, the local stack).
 */
public final class SqsMessageQueue implements MessageQueue {

    private static final AwsRequestOverrideConfiguration PUBLISH_LIMITS = AwsRequestOverrideConfiguration.builder()
            .apiCallAttemptTimeout(SqsClients.PUBLISH_ATTEMPT_TIMEOUT)
            .apiCallTimeout(SqsClients.PUBLISH_TIMEOUT)
            .build();

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsMessageQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs must not be null");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl must not be null");
    }

    @Override
    public PublishOutcome publish(QueuedWebhook webhook) {
        Envelope envelope = Envelope.of(webhook);
        try {
            String messageId = sqs.sendMessage(send -> send.queueUrl(queueUrl)
                            .messageBody(envelope.body())
                            .messageAttributes(SqsMessages.attributes(envelope))
                            .overrideConfiguration(PUBLISH_LIMITS))
                    .messageId();
            return new PublishOutcome.Published(messageId);
        } catch (SdkException e) {
            return new PublishOutcome.Unavailable("SQS did not take the message: " + e.getMessage());
        }
    }
}
