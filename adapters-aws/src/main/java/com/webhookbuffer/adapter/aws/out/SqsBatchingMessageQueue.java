package com.webhookbuffer.adapter.aws.out;

import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * {@link MessageQueue} on SQS for a door that answers many requests at once in one process (the local stack's front):
 * the publishes in flight together are sent as {@code SendMessageBatch} calls of up to 10 by the SDK's own
 * {@link SqsAsyncBatchManager}, one call (and one write of the queue's store) where there were ten. Each publish
 * still waits for its own message's acknowledgement, so a {@code 202} means what it always meant; a message waits at
 * most {@link #WINDOW} for others to join it.
 *
 * <p>Not for the ingest function: it handles one request per invocation, so there is nothing to coalesce there,
 * and it keeps the synchronous {@link SqsMessageQueue}.
 */
public final class SqsBatchingMessageQueue implements MessageQueue, AutoCloseable {

    /** How long a message waits for others to share its call: small beside a request's own time. */
    public static final Duration WINDOW = Duration.ofMillis(5);

    private final SqsAsyncBatchManager batches;
    private final String queueUrl;

    /**
     * @param sqs       an asynchronous client, which the caller owns and closes after this
     * @param scheduler where the batch manager times its windows, which the caller owns too
     */
    public SqsBatchingMessageQueue(SqsAsyncClient sqs, String queueUrl, ScheduledExecutorService scheduler) {
        Objects.requireNonNull(sqs, "sqs must not be null");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl must not be null");
        this.batches = SqsAsyncBatchManager.builder()
                .client(sqs)
                .scheduledExecutor(Objects.requireNonNull(scheduler, "scheduler must not be null"))
                .overrideConfiguration(batch -> batch.maxBatchSize(10).sendRequestFrequency(WINDOW))
                .build();
    }

    @Override
    public PublishOutcome publish(QueuedWebhook webhook) {
        Envelope envelope = Envelope.of(webhook);
        SendMessageRequest send = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(envelope.body())
                .messageAttributes(SqsMessages.attributes(envelope))
                .build();
        try {
            String messageId = batches.sendMessage(send)
                    .get(SqsClients.PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .messageId();
            return new PublishOutcome.Published(messageId);
        } catch (ExecutionException e) {
            return new PublishOutcome.Unavailable(
                    "SQS did not take the message: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            return new PublishOutcome.Unavailable("SQS did not answer within " + SqsClients.PUBLISH_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PublishOutcome.Unavailable("interrupted while SQS was taking the message");
        } catch (RuntimeException e) {
            // Refused before it was sent (a closed batch manager, a client that cannot start a call): the message
            // was not taken, which the sender hears as a 503, never as a failure of ours.
            return new PublishOutcome.Unavailable("SQS could not be asked to take the message: " + e.getMessage());
        }
    }

    /** Sends what is waiting, then stops taking messages. */
    @Override
    public void close() {
        batches.close();
    }
}
