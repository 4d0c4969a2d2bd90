package com.webhookbuffer.standin.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.webhookbuffer.standin.PolledFeed;
import com.webhookbuffer.standin.Pollers;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Plays the Lambda SQS event source mapping: {@code concurrency} pollers, each long-polling a batch of up to
 * {@code batchSize}, handing it to the worker function's handler as a real {@link SQSEvent} and deleting
 * every message not reported in {@code batchItemFailures}. Reported failures are left alone: they come back when
 * their visibility timeout (or the backoff the worker set) runs out. So at most {@code concurrency} batches are
 * ever in flight, which is what keeps the database inside its connection budget.
 */
public final class EventSourcePoller extends PolledFeed {

    private static final Logger LOG = LoggerFactory.getLogger(EventSourcePoller.class);
    /** Shorter than SQS's 20 s so that a stop waits at most this long for an idle poller. */
    public static final int WAIT_SECONDS = 2;

    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final int batchSize;
    private final Function<SQSEvent, SQSBatchResponse> handler;

    public EventSourcePoller(
            SqsClient sqs,
            String queueUrl,
            String queueArn,
            int batchSize,
            int concurrency,
            Function<SQSEvent, SQSBatchResponse> handler) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.batchSize = batchSize;
        this.handler = handler;
        start("event-source", concurrency);
    }

    @Override
    protected void poll(Pollers pollers) {
        while (pollers.running()) {
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                                .maxNumberOfMessages(batchSize)
                                .waitTimeSeconds(WAIT_SECONDS)
                                .messageAttributeNames("All")
                                .messageSystemAttributeNames(SqsEvents.SYSTEM_ATTRIBUTES))
                        .messages();
            } catch (SdkException e) {
                if (pollers.running()) {
                    LOG.warn(
                            "receive from {} failed, polling again in {}: {}",
                            queueUrl,
                            PAUSE_AFTER_FAILURE,
                            e.getMessage());
                    pollers.pause(PAUSE_AFTER_FAILURE);
                }
                continue;
            }
            if (!messages.isEmpty()) {
                pollers.work(() -> {
                    try {
                        invoke(SqsEvents.of(messages, queueArn));
                    } catch (RuntimeException e) {
                        // As when a Lambda invocation fails: the batch comes back after its visibility timeout.
                        LOG.error("batch of {} failed and returns to the queue: {}", messages.size(), e.toString(), e);
                    }
                });
            }
        }
    }

    private void invoke(SQSEvent event) {
        SQSBatchResponse response = handler.apply(event);
        Set<String> failed = new HashSet<>();
        response.getBatchItemFailures().forEach(failure -> failed.add(failure.getItemIdentifier()));
        List<DeleteMessageBatchRequestEntry> succeeded = event.getRecords().stream()
                .filter(record -> !failed.contains(record.getMessageId()))
                .map(record -> DeleteMessageBatchRequestEntry.builder()
                        .id(record.getMessageId())
                        .receiptHandle(record.getReceiptHandle())
                        .build())
                .toList();
        if (succeeded.isEmpty()) {
            return;
        }
        try {
            // Entries the worker already deleted (dead-lettered poison) fail here harmlessly; any other that
            // fails comes back and is recognised as a duplicate.
            sqs.deleteMessageBatch(delete -> delete.queueUrl(queueUrl).entries(succeeded))
                    .failed()
                    .forEach(f -> LOG.debug("message {} not deleted: {}", f.id(), f.message()));
        } catch (SdkException e) {
            LOG.warn(
                    "deleting {} processed messages failed; they will come back as duplicates: {}",
                    succeeded.size(),
                    e.getMessage());
        }
    }
}
