package com.webhookbuffer.standin.azure;

import com.azure.storage.queue.models.QueueMessageItem;
import com.webhookbuffer.standin.PolledFeed;
import com.webhookbuffer.standin.Pollers;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the Azure Functions host's queue trigger: {@code concurrency} pollers, each taking one message at a time
 * (as the host invokes a Java queue function once per message), invoking the worker's queue function and
 * completing it as the host does: deleted when the function returned, left to come
 * back after its lease when it threw. So at most {@code concurrency} messages are ever in flight.
 */
public final class FunctionsHostPoller extends PolledFeed {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionsHostPoller.class);
    /** How long an idle poller waits for a message: also how long a stop waits for it. */
    private static final Duration POLL = Duration.ofSeconds(2);

    private final FunctionsHostQueue host;
    private final QueueFunction handler;

    /** A queue-triggered function as the host invokes it: the message's text, id, pop receipt and dequeue count. */
    @FunctionalInterface
    public interface QueueFunction {
        void handle(String body, String messageId, String popReceipt, long dequeueCount);
    }

    public FunctionsHostPoller(FunctionsHostQueue host, QueueFunction handler, int concurrency) {
        this.host = host;
        this.handler = handler;
        start("functions-host", concurrency);
    }

    @Override
    protected void poll(Pollers pollers) {
        while (pollers.running()) {
            for (QueueMessageItem message : receive(pollers)) {
                pollers.work(() -> invoke(message));
            }
        }
    }

    /** The next message, if one comes within {@link #POLL}; nothing, after a pause, when the queue failed. */
    private List<QueueMessageItem> receive(Pollers pollers) {
        try {
            return host.receive(1, POLL);
        } catch (RuntimeException e) {
            if (pollers.running()) {
                LOG.warn("receive from the storage queue failed, polling again: {}", e.getMessage());
                pollers.pause(POLL);
            }
            return List.of();
        }
    }

    /** One invocation of the queue function, completed as the host completes it. */
    private void invoke(QueueMessageItem message) {
        try {
            handler.handle(
                    message.getBody().toString(),
                    message.getMessageId(),
                    message.getPopReceipt(),
                    message.getDequeueCount());
            host.complete(message.getMessageId(), message.getPopReceipt());
        } catch (RuntimeException e) {
            // As when a function throws: the host leaves it to come back after its lease.
            LOG.warn("message {} returns to the queue: {}", message.getMessageId(), e.getMessage());
        }
    }
}
