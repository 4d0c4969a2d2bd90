package com.webhookbuffer.domain.processing;

import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How one delivery of a batch ended, and what is left for the queue to do with it. */
public record MessageResult(Delivery delivery, ProcessingOutcome outcome, Settlement settlement) {

    public MessageResult {
        Objects.requireNonNull(delivery, "delivery must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(settlement, "settlement must not be null");
    }

    public boolean returnsToQueue() {
        return settlement instanceof Settlement.ReturnToQueue;
    }

    /**
     * What the worker's log line says of this result, whatever the platform: the message, the webhook and its
     * correlation id, the receive count, the outcome, whether it returns to the queue, and why when it failed.
     */
    public Map<String, Object> describe() {
        Map<String, String> attributes = delivery.envelope().attributes();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "webhook.processed");
        line.put("messageId", delivery.messageId());
        line.put("correlationId", attributes.get(Envelope.CORRELATION_ID));
        line.put("webhookId", attributes.get(Envelope.WEBHOOK_ID));
        line.put("receiveCount", delivery.receiveCount());
        line.put("outcome", outcome.label());
        line.put("returnedToQueue", returnsToQueue());
        switch (outcome) {
            case ProcessingOutcome.RetryLater retry -> line.put("reason", retry.reason());
            case ProcessingOutcome.StoreUnavailable unavailable -> line.put("reason", unavailable.reason());
            case ProcessingOutcome.Poison poison -> line.put("reason", poison.reason());
            default -> {}
        }
        return line;
    }
}
