package com.webhookbuffer.adapter.azure.out;

import com.webhookbuffer.adapter.azure.message.AzureMessages;
import com.webhookbuffer.adapter.azure.message.StorageQueue;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import java.util.Objects;

/**
 * {@link MessageQueue} on Azure Storage Queues: {@code sendMessage}, answered only once the service stored it. A
 * body too large for a message is stored as a blob first ({@link AzureMessages}); if the message then cannot be sent,
 * the blob is removed again.
 */
public final class AzureMessageQueue implements MessageQueue {

    private final StorageQueue storage;
    private final AzureMessages messages;

    public AzureMessageQueue(StorageQueue storage) {
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.messages = storage.messages();
    }

    @Override
    public PublishOutcome publish(QueuedWebhook webhook) {
        Envelope envelope = Envelope.of(webhook);
        String text;
        try {
            text = messages.write(envelope);
        } catch (RuntimeException e) {
            return new PublishOutcome.Unavailable("Azure Blob Storage did not take the body: " + e.getMessage());
        }
        try {
            return new PublishOutcome.Published(
                    storage.queue().sendMessage(text).getMessageId());
        } catch (RuntimeException e) {
            try {
                messages.release(text);
            } catch (RuntimeException cleanup) {
                // An orphaned body costs storage, not correctness: the container's lifecycle rule removes it.
            }
            return new PublishOutcome.Unavailable("Azure Storage did not take the message: " + e.getMessage());
        }
    }
}
