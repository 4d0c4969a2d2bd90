package com.webhookbuffer.adapter.aws.out;

import com.webhookbuffer.domain.port.out.FailedDeliveries;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link FailedDeliveries} on Amazon SQS: retry-later is {@code ChangeMessageVisibility}; dead-lettering sends the
 * message to the dead-letter queue with its reason as an attribute, then deletes it from the queue.
 */
public final class SqsFailedDeliveries implements FailedDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(SqsFailedDeliveries.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String deadLetterQueueUrl;

    public SqsFailedDeliveries(SqsClient sqs, String queueUrl, String deadLetterQueueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs must not be null");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl must not be null");
        this.deadLetterQueueUrl = Objects.requireNonNull(deadLetterQueueUrl, "deadLetterQueueUrl must not be null");
    }

    @Override
    public void retryLater(Delivery delivery, Duration delay) {
        SqsMessages.call(
                "change visibility",
                () -> sqs.changeMessageVisibility(change -> change.queueUrl(queueUrl)
                        .receiptHandle(delivery.receipt())
                        .visibilityTimeout((int) Math.max(0, delay.toSeconds()))));
    }

    @Override
    public boolean deadLetter(Delivery delivery, String reason) {
        Envelope dead = delivery.envelope().with(Envelope.DEAD_LETTER_REASON, DeadLetter.shortened(reason));
        try {
            sqs.sendMessage(send -> send.queueUrl(deadLetterQueueUrl)
                    .messageBody(dead.body())
                    .messageAttributes(SqsMessages.attributes(dead)));
        } catch (SdkException e) {
            LOG.warn("message {} could not be dead-lettered: {}", delivery.messageId(), e.getMessage());
            return false;
        }
        try {
            sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(delivery.receipt()));
        } catch (SdkException e) {
            // It is in the dead-letter queue; left here too, it will come back and be dead-lettered again.
            LOG.warn(
                    "message {} was dead-lettered but not deleted from the queue: {}",
                    delivery.messageId(),
                    e.getMessage());
        }
        return true;
    }
}
