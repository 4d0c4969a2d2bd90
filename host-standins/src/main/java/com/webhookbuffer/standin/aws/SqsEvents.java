package com.webhookbuffer.standin.aws;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Builds the {@link SQSEvent} the Lambda event source mapping would hand the worker from messages received with
 * the SDK, for hosts that play the event source themselves (the local stack, tests). Receive the messages with
 * {@code messageAttributeNames("All")} and {@code ApproximateReceiveCount} among the system attributes.
 */
public final class SqsEvents {

    /** The system attributes a worker reads, to ask for on receive. */
    public static final List<MessageSystemAttributeName> SYSTEM_ATTRIBUTES =
            List.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, MessageSystemAttributeName.SENT_TIMESTAMP);

    private SqsEvents() {}

    public static SQSEvent of(List<Message> messages, String queueArn) {
        SQSEvent event = new SQSEvent();
        event.setRecords(
                messages.stream().map(message -> record(message, queueArn)).toList());
        return event;
    }

    private static SQSEvent.SQSMessage record(Message message, String queueArn) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        Map<String, String> system = new HashMap<>();
        message.attributes().forEach((name, value) -> system.put(name.toString(), value));
        record.setAttributes(system);
        Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            attributes.put(name, attribute);
        });
        record.setMessageAttributes(attributes);
        return record;
    }
}
