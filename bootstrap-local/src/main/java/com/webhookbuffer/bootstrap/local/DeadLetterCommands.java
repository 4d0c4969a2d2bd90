package com.webhookbuffer.bootstrap.local;

import com.webhookbuffer.domain.queue.Envelope;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code ./run-local dlq list} and {@code ./run-local dlq redrive}: what an operator does with dead letters, on the
 * local stack or on SQS itself. Redrive is SQS's own message move task, so it is the same operation the console's
 * "Start DLQ redrive" runs.
 */
final class DeadLetterCommands {

    /** Long enough to read the whole queue once without seeing a message twice; given back at the end. */
    static final int LIST_VISIBILITY_SECONDS = 60;
    private static final int PROGRESS_EVERY = 100;
    static final Duration MOVE_POLL = Duration.ofSeconds(1);

    private DeadLetterCommands() {
    }

    /** Every dead letter with its reason; returns how many there are. */
    static int list(OperatorQueues queues, PrintStream out, PrintStream progress) {
        Map<String, Message> seen = new LinkedHashMap<>();
        List<ChangeMessageVisibilityBatchRequestEntry> hidden = new ArrayList<>();
        try {
            while (true) {
                List<Message> messages = queues.client().receiveMessage(receive -> receive
                        .queueUrl(queues.deadLetterQueueUrl())
                        .maxNumberOfMessages(10)
                        .visibilityTimeout(LIST_VISIBILITY_SECONDS)
                        .waitTimeSeconds(1)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
                if (messages.isEmpty()) {
                    break;
                }
                for (Message message : messages) {
                    hidden.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(hidden.size()))
                            .receiptHandle(message.receiptHandle()).visibilityTimeout(0).build());
                    if (seen.putIfAbsent(message.messageId(), message) == null) {
                        out.println(describe(message));
                    }
                }
                if (seen.size() % PROGRESS_EVERY < messages.size()) {
                    progress.println("  ... " + seen.size() + " read");
                }
            }
        } finally {
            // Give them back at once: listing must not hide dead letters from a redrive that follows.
            for (int from = 0; from < hidden.size(); from += 10) {
                List<ChangeMessageVisibilityBatchRequestEntry> entries =
                        hidden.subList(from, Math.min(hidden.size(), from + 10));
                queues.client().changeMessageVisibilityBatch(change -> change
                        .queueUrl(queues.deadLetterQueueUrl()).entries(entries));
            }
        }
        out.println(seen.size() + " dead letter(s) in " + queues.deadLetterQueueUrl());
        return seen.size();
    }

    static String describe(Message message) {
        Map<String, MessageAttributeValue> attributes = message.messageAttributes();
        String reason = Optional.ofNullable(attributes.get(Envelope.DEAD_LETTER_REASON))
                .map(MessageAttributeValue::stringValue)
                .orElse("received " + message.attributes().getOrDefault(
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "?")
                        + " times without success (maxReceiveCount reached)");
        return "message " + message.messageId()
                + "  webhook " + value(attributes, Envelope.WEBHOOK_ID)
                + "  correlation " + value(attributes, Envelope.CORRELATION_ID)
                + "  received " + value(attributes, Envelope.RECEIVED_AT)
                + "\n  reason: " + reason;
    }

    private static String value(Map<String, MessageAttributeValue> attributes, String name) {
        MessageAttributeValue value = attributes.get(name);
        return value == null || value.stringValue() == null ? "-" : value.stringValue();
    }

    /** Moves every dead letter back, showing progress until SQS reports the move task ended. */
    static boolean redrive(OperatorQueues queues, PrintStream out) throws InterruptedException {
        String sourceArn = LocalQueues.arn(queues.client(), queues.deadLetterQueueUrl());
        long waiting = Long.parseLong(queues.client().getQueueAttributes(get -> get
                        .queueUrl(queues.deadLetterQueueUrl())
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
        if (waiting == 0) {
            out.println("nothing to redrive: " + queues.deadLetterQueueUrl() + " is empty");
            return true;
        }
        Optional<String> destinationArn = queues.queueUrl().map(url -> LocalQueues.arn(queues.client(), url));
        String task = queues.client().startMessageMoveTask(start -> {
            start.sourceArn(sourceArn);
            destinationArn.ifPresent(start::destinationArn);
        }).taskHandle();
        out.println("redriving about " + waiting + " dead letter(s) from " + sourceArn + " to "
                + destinationArn.orElse("the queues they came from") + " (task " + task + ")");
        Instant started = Instant.now();
        while (true) {
            Thread.sleep(MOVE_POLL);
            List<ListMessageMoveTasksResultEntry> tasks = queues.client()
                    .listMessageMoveTasks(list -> list.sourceArn(sourceArn).maxResults(1)).results();
            if (tasks.isEmpty()) {
                out.println("  the move task is no longer listed; check " + queues.deadLetterQueueUrl());
                return false;
            }
            ListMessageMoveTasksResultEntry current = tasks.getFirst();
            String status = current.status();
            out.println("  " + status.toLowerCase(Locale.ROOT) + ": "
                    + orZero(current.approximateNumberOfMessagesMoved()) + " of "
                    + orZero(current.approximateNumberOfMessagesToMove()) + " moved ("
                    + Duration.between(started, Instant.now()).toSeconds() + " s)");
            switch (status) {
                case "COMPLETED" -> {
                    out.println("redrive complete: the messages are back in the queue and will be processed again");
                    return true;
                }
                case "FAILED", "CANCELLED" -> {
                    out.println("redrive " + status.toLowerCase(Locale.ROOT) + ": "
                            + Optional.ofNullable(current.failureReason()).orElse("no reason given"));
                    return false;
                }
                default -> {
                }
            }
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
