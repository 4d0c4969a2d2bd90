package com.webhookbuffer.adapter.azure.in;

import com.webhookbuffer.adapter.azure.message.AzureMessages;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.Settlement;
import com.webhookbuffer.domain.queue.Delivery;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One Azure Storage queue message, as the Functions host's queue trigger delivers it (its text, id, pop receipt and
 * dequeue count), to the {@link WebhookProcessor}; the settlement back as what the host understands. The host deletes
 * a message when the function returns and, when it throws, makes it visible again after {@code visibilityTimeout}
 * (or moves it to the poison queue on its {@code maxDequeueCount}-th delivery). So:
 *
 * <ul>
 *   <li>done: return, and the host deletes it; a body kept as a blob is released;
 *   <li>dead-lettered, or handed back with its backoff: return; the message was already moved, or its pop receipt
 *       changed with its visibility, so the host's delete finds nothing to delete and the backoff stands;
 *   <li>returned without a backoff (the queue could not be asked): throw {@link MessageReturned}, and the host's own
 *       retry takes over.
 * </ul>
 *
 * <p>Logs one structured line per message, as the SQS handler does.
 */
public final class AzureQueueHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AzureQueueHandler.class);

    private final WebhookProcessor processor;
    private final AzureMessages messages;

    public AzureQueueHandler(WebhookProcessor processor, AzureMessages messages) {
        this.processor = Objects.requireNonNull(processor, "processor must not be null");
        this.messages = Objects.requireNonNull(messages, "messages must not be null");
    }

    /** @throws MessageReturned when the host must return the message itself */
    public void handle(String text, String messageId, String popReceipt, long dequeueCount) {
        switch (messages.read(text)) {
            case AzureMessages.Read.AlreadySettled settled ->
                LOG.atInfo()
                        .addKeyValue("event", "webhook.processed")
                        .addKeyValue("messageId", messageId)
                        .addKeyValue("outcome", "already-settled")
                        .addKeyValue("bodyBlob", settled.blob())
                        .log("webhook message delivered again after it was settled: its body is gone, nothing to do");
            case AzureMessages.Read.Stored stored ->
                process(new Delivery(
                        messageId, popReceipt, (int) Math.min(Integer.MAX_VALUE, dequeueCount), stored.envelope()));
        }
    }

    private void process(Delivery delivery) {
        MessageResult result = processor.process(List.of(delivery)).results().getFirst();
        log(result);
        switch (result.settlement()) {
            case Settlement.Acknowledge done -> release(delivery);
            case Settlement.DeadLettered dead -> {}
            case Settlement.ReturnToQueue.AfterBackoff backoff -> {}
            case Settlement.ReturnToQueue.AfterVisibilityTimeout returned ->
                throw new MessageReturned("message " + delivery.messageId()
                        + " returns to the queue after the host's visibility timeout: "
                        + result.outcome().label());
        }
    }

    /** The message is done; a body kept as a blob is not needed any more (the host deletes the message). */
    private void release(Delivery delivery) {
        try {
            messages.release(delivery.envelope());
        } catch (RuntimeException e) {
            // An orphaned body costs storage, not correctness: the container's lifecycle rule removes it.
            LOG.warn("the body of message {} could not be released: {}", delivery.messageId(), e.getMessage());
        }
    }

    private static void log(MessageResult result) {
        LoggingEventBuilder line = LOG.atInfo();
        for (Map.Entry<String, Object> pair : result.describe().entrySet()) {
            line = line.addKeyValue(pair.getKey(), pair.getValue());
        }
        line.log("webhook message {}", result.outcome().label());
    }

    /** Thrown so that the Functions host returns the message to the queue by its own retry. */
    public static final class MessageReturned extends RuntimeException {
        MessageReturned(String message) {
            super(message);
        }
    }
}
