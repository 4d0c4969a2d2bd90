package com.webhookbuffer.standin.azure;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueueStorageException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Functions host's side of a queue trigger, for hosts that play it (the local stack, tests; on Azure the host
 * itself does this): it receives messages with a visibility timeout (its lease), moves a message delivered more than
 * {@code maxDequeueCount} times to the poison queue as it is, and deletes a message whose function returned.
 */
public record FunctionsHostQueue(
        QueueClient queue, QueueClient poison, Duration visibilityTimeout, int maxDequeueCount) {

    /** Up to {@code maxMessages} deliveries, polling for at most {@code wait} until there is one. */
    public List<QueueMessageItem> receive(int maxMessages, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            List<QueueMessageItem> delivered = new ArrayList<>();
            for (QueueMessageItem message : queue.receiveMessages(maxMessages, visibilityTimeout, null, null)) {
                if (message.getDequeueCount() > maxDequeueCount) {
                    poison.sendMessage(message.getBody().toString());
                    queue.deleteMessage(message.getMessageId(), message.getPopReceipt());
                } else {
                    delivered.add(message);
                }
            }
            if (!delivered.isEmpty() || !Instant.now().isBefore(deadline)) {
                return delivered;
            }
            pause();
        }
    }

    /** What the host does when the function returned: delete it (a changed pop receipt makes this a no-op). */
    public void complete(String messageId, String popReceipt) {
        try {
            queue.deleteMessage(messageId, popReceipt);
        } catch (QueueStorageException e) {
            if (e.getStatusCode() != 404 && e.getStatusCode() != 400) {
                throw e;
            }
            // Moved or handed back with a new visibility by the function itself: its pop receipt changed.
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
