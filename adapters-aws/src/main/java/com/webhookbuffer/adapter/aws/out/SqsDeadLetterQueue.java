package com.webhookbuffer.adapter.aws.out;

import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.QueueDepth;
import com.webhookbuffer.domain.queue.Redrive;
import com.webhookbuffer.domain.queue.RedriveProgress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@link DeadLetterQueue} on Amazon SQS. Reading receives every dead letter with a visibility timeout long enough to
 * see each once, then gives them all back at once; redrive is SQS's own message move task, the operation the
 * console's "Start DLQ redrive" runs.
 */
public final class SqsDeadLetterQueue implements DeadLetterQueue {

    /** Long enough to read the whole queue once without seeing a message twice; given back at the end. */
    static final int READ_VISIBILITY_SECONDS = 60;

    private final SqsClient sqs;
    private final Optional<String> queueUrl;
    private final String deadLetterQueueUrl;

    private SqsDeadLetterQueue(SqsClient sqs, Optional<String> queueUrl, String deadLetterQueueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs must not be null");
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = Objects.requireNonNull(deadLetterQueueUrl, "deadLetterQueueUrl must not be null");
    }

    /** The dead-letter queue of {@code queueUrl}: a redrive moves the dead letters there. */
    public static SqsDeadLetterQueue of(SqsClient sqs, String queueUrl, String deadLetterQueueUrl) {
        return new SqsDeadLetterQueue(
                sqs, Optional.of(Objects.requireNonNull(queueUrl, "queueUrl must not be null")), deadLetterQueueUrl);
    }

    /**
     * A dead-letter queue whose queue is not named: a redrive moves each dead letter back to the queue it came
     * from, and {@link #depth()} cannot count the queue.
     */
    public static SqsDeadLetterQueue alone(SqsClient sqs, String deadLetterQueueUrl) {
        return new SqsDeadLetterQueue(sqs, Optional.empty(), deadLetterQueueUrl);
    }

    @Override
    public QueueDepth depth() {
        String queue = queueUrl.orElseThrow(
                () -> new IllegalStateException("the depth of the queue needs its URL; only the dead-letter queue "
                        + deadLetterQueueUrl + " is known"));
        return SqsMessages.call("depth", () -> {
            Map<QueueAttributeName, String> counts = counts(queue);
            Map<QueueAttributeName, String> dead = counts(deadLetterQueueUrl);
            return new QueueDepth(
                    count(counts, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    count(counts, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                            + count(counts, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED),
                    count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                            + count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        });
    }

    @Override
    public int readAll(Consumer<DeadLetter> reader) {
        Set<String> seen = new HashSet<>();
        List<ChangeMessageVisibilityBatchRequestEntry> hidden = new ArrayList<>();
        try {
            while (true) {
                List<Message> messages = SqsMessages.call(
                        "read dead letters",
                        () -> sqs.receiveMessage(r -> r.queueUrl(deadLetterQueueUrl)
                                        .maxNumberOfMessages(10)
                                        .visibilityTimeout(READ_VISIBILITY_SECONDS)
                                        .waitTimeSeconds(1)
                                        .messageAttributeNames("All")
                                        .messageSystemAttributeNames(
                                                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                                .messages());
                if (messages.isEmpty()) {
                    return seen.size();
                }
                for (Message message : messages) {
                    hidden.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                            .id(Integer.toString(hidden.size()))
                            .receiptHandle(message.receiptHandle())
                            .visibilityTimeout(0)
                            .build());
                    if (seen.add(message.messageId())) {
                        reader.accept(new DeadLetter(
                                message.messageId(),
                                SqsMessages.receiveCount(message, 0),
                                SqsMessages.toEnvelope(message)));
                    }
                }
            }
        } finally {
            // Give them back at once: reading must not hide dead letters from a redrive that follows.
            for (int from = 0; from < hidden.size(); from += 10) {
                List<ChangeMessageVisibilityBatchRequestEntry> entries =
                        hidden.subList(from, Math.min(hidden.size(), from + 10));
                SqsMessages.call(
                        "give dead letters back",
                        () -> sqs.changeMessageVisibilityBatch(
                                change -> change.queueUrl(deadLetterQueueUrl).entries(entries)));
            }
        }
    }

    @Override
    public Optional<Redrive> startRedrive() {
        return SqsMessages.call("start redrive", () -> {
            long waiting = count(counts(deadLetterQueueUrl), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            if (waiting == 0) {
                return Optional.empty();
            }
            String source = arn(deadLetterQueueUrl);
            Optional<String> destination = queueUrl.map(this::arn);
            String task = sqs.startMessageMoveTask(start -> {
                        start.sourceArn(source);
                        destination.ifPresent(start::destinationArn);
                    })
                    .taskHandle();
            return Optional.of(new Redrive(task, source, destination.orElse("the queues they came from"), waiting));
        });
    }

    @Override
    public Optional<RedriveProgress> progress(Redrive redrive) {
        List<ListMessageMoveTasksResultEntry> tasks = SqsMessages.call(
                "redrive progress",
                () -> sqs.listMessageMoveTasks(
                                list -> list.sourceArn(redrive.from()).maxResults(1))
                        .results());
        return tasks.stream()
                .findFirst()
                .map(task -> new RedriveProgress(
                        state(task.status()),
                        orZero(task.approximateNumberOfMessagesMoved()),
                        orZero(task.approximateNumberOfMessagesToMove()),
                        Optional.ofNullable(task.failureReason())));
    }

    /** SQS's task statuses are the port's states; a status SQS may add later reads as still running. */
    private static RedriveProgress.State state(String status) {
        for (RedriveProgress.State state : RedriveProgress.State.values()) {
            if (state.name().equals(status)) {
                return state;
            }
        }
        return RedriveProgress.State.RUNNING;
    }

    private Map<QueueAttributeName, String> counts(String url) {
        return sqs.getQueueAttributes(get -> get.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes();
    }

    private String arn(String url) {
        return sqs.getQueueAttributes(get -> get.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
