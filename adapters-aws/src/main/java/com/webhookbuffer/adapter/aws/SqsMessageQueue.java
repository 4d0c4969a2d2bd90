package com.webhookbuffer.adapter.aws;

import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.queue.QueueDepth;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@link MessageQueue} on Amazon SQS (or anything that speaks its protocol, such as ElasticMQ). The envelope's
 * attributes travel as String message attributes; the redrive policy (maxReceiveCount, the dead-letter queue) is
 * the queue's own configuration, set where the queue is created (the SAM template, the local stack).
 */
public final class SqsMessageQueue implements MessageQueue {

    private static final Logger LOG = LoggerFactory.getLogger(SqsMessageQueue.class);

    /** SQS's longest long poll. */
    private static final int MAX_WAIT_SECONDS = 20;
    /** A dead letter's reason is for a person to read: keep it short whatever the failure said. */
    static final int MAX_REASON_LENGTH = 1024;

    private static final AwsRequestOverrideConfiguration PUBLISH_LIMITS = AwsRequestOverrideConfiguration.builder()
            .apiCallAttemptTimeout(SqsClients.PUBLISH_ATTEMPT_TIMEOUT)
            .apiCallTimeout(SqsClients.PUBLISH_TIMEOUT)
            .build();

    private final SqsClient sqs;
    private final String queueUrl;
    private final String deadLetterQueueUrl;

    public SqsMessageQueue(SqsClient sqs, String queueUrl, String deadLetterQueueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs must not be null");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl must not be null");
        this.deadLetterQueueUrl = Objects.requireNonNull(deadLetterQueueUrl, "deadLetterQueueUrl must not be null");
    }

    @Override
    public PublishOutcome publish(QueuedWebhook webhook) {
        Envelope envelope = Envelope.of(webhook);
        try {
            String messageId = sqs.sendMessage(send -> send
                            .queueUrl(queueUrl)
                            .messageBody(envelope.body())
                            .messageAttributes(toSqs(envelope.attributes()))
                            .overrideConfiguration(PUBLISH_LIMITS))
                    .messageId();
            return new PublishOutcome.Published(messageId);
        } catch (SdkException e) {
            return new PublishOutcome.Unavailable("SQS did not take the message: " + e.getMessage());
        }
    }

    @Override
    public List<Delivery> receive(int maxMessages, Duration wait) {
        int waitSeconds = (int) Math.min(MAX_WAIT_SECONDS, Math.max(0, wait.toSeconds()));
        return call("receive", () -> sqs.receiveMessage(receive -> receive
                        .queueUrl(queueUrl)
                        .maxNumberOfMessages(maxMessages)
                        .waitTimeSeconds(waitSeconds)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages()
                .stream()
                .map(SqsMessageQueue::toDelivery)
                .toList());
    }

    @Override
    public void acknowledge(Delivery delivery) {
        call("delete", () -> sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(delivery.receipt())));
    }

    @Override
    public void retryLater(Delivery delivery, Duration delay) {
        call("change visibility", () -> sqs.changeMessageVisibility(change -> change
                .queueUrl(queueUrl)
                .receiptHandle(delivery.receipt())
                .visibilityTimeout((int) Math.max(0, delay.toSeconds()))));
    }

    @Override
    public boolean deadLetter(Delivery delivery, String reason) {
        Envelope dead = delivery.envelope().with(Envelope.DEAD_LETTER_REASON, shorten(reason));
        try {
            sqs.sendMessage(send -> send
                    .queueUrl(deadLetterQueueUrl)
                    .messageBody(dead.body())
                    .messageAttributes(toSqs(dead.attributes())));
        } catch (SdkException e) {
            LOG.warn("message {} could not be dead-lettered: {}", delivery.messageId(), e.getMessage());
            return false;
        }
        try {
            sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(delivery.receipt()));
        } catch (SdkException e) {
            // It is in the dead-letter queue; left here too, it will come back and be dead-lettered again.
            LOG.warn("message {} was dead-lettered but not deleted from the queue: {}", delivery.messageId(),
                    e.getMessage());
        }
        return true;
    }

    @Override
    public QueueDepth depth() {
        return call("depth", () -> {
            Map<QueueAttributeName, String> queue = attributes(queueUrl);
            Map<QueueAttributeName, String> dead = attributes(deadLetterQueueUrl);
            return new QueueDepth(
                    count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                            + count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED),
                    count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                            + count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        });
    }

    @Override
    public List<DeadLetter> deadLetters(int maxMessages) {
        // A zero visibility timeout reads without hiding: the dead letters stay where an operator left them.
        return call("read dead letters", () -> sqs.receiveMessage(receive -> receive
                        .queueUrl(deadLetterQueueUrl)
                        .maxNumberOfMessages(Math.min(10, maxMessages))
                        .visibilityTimeout(0)
                        .messageAttributeNames("All"))
                .messages()
                .stream()
                .map(m -> new DeadLetter(m.messageId(), toEnvelope(m)))
                .toList());
    }

    private Map<QueueAttributeName, String> attributes(String url) {
        return sqs.getQueueAttributes(get -> get.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes();
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static Delivery toDelivery(Message message) {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        return new Delivery(message.messageId(), message.receiptHandle(),
                count == null ? 1 : Integer.parseInt(count), toEnvelope(message));
    }

    /** Reads an SQS message (from the SDK or from a Lambda event's fields) into an envelope. */
    static Envelope toEnvelope(Message message) {
        Map<String, String> attributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            if (value.stringValue() != null) {
                attributes.put(name, value.stringValue());
            }
        });
        return new Envelope(message.body(), attributes);
    }

    static Map<String, MessageAttributeValue> toSqs(Map<String, String> attributes) {
        Map<String, MessageAttributeValue> sqsAttributes = new HashMap<>();
        attributes.forEach((name, value) -> sqsAttributes.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        return sqsAttributes;
    }

    static String shorten(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new QueueUnavailableException("SQS " + operation + " failed: " + e.getMessage(), e);
        }
    }
}
