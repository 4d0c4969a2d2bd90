package com.webhookbuffer.adapter.aws.out;

import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The {@link Envelope} as SQS carries it: the body as the message body, each attribute as a String message
 * attribute. One translation, for every SQS adapter and for the tests that receive with the SDK.
 */
public final class SqsMessages {

    private SqsMessages() {}

    /** A message received with {@code messageAttributeNames("All")} and its receive count, as a delivery. */
    public static Delivery toDelivery(Message message) {
        return new Delivery(
                message.messageId(), message.receiptHandle(), receiveCount(message, 1), toEnvelope(message));
    }

    /** Reads an SQS message into an envelope. */
    public static Envelope toEnvelope(Message message) {
        Map<String, String> attributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            if (value.stringValue() != null) {
                attributes.put(name, value.stringValue());
            }
        });
        return new Envelope(message.body(), attributes);
    }

    static int receiveCount(Message message, int otherwise) {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        return count == null ? otherwise : Integer.parseInt(count);
    }

    static Map<String, MessageAttributeValue> attributes(Envelope envelope) {
        Map<String, MessageAttributeValue> sqsAttributes = new HashMap<>();
        envelope.attributes()
                .forEach((name, value) -> sqsAttributes.put(
                        name,
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(value)
                                .build()));
        return sqsAttributes;
    }

    /** Runs an SQS call, as the ports promise: a failure of SQS is a {@link QueueUnavailableException}. */
    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new QueueUnavailableException("SQS " + operation + " failed: " + e.getMessage(), e);
        }
    }
}
