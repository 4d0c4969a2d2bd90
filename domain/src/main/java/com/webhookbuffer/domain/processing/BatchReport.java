package com.webhookbuffer.domain.processing;

import com.webhookbuffer.domain.queue.Delivery;
import java.util.List;

/** One result per delivery of a batch, in the batch's order. */
public record BatchReport(List<MessageResult> results) {

    public BatchReport {
        results = List.copyOf(results);
    }

    /** The deliveries the queue must see again: what an SQS handler reports as {@code batchItemFailures}. */
    public List<Delivery> returnedToQueue() {
        return results.stream()
                .filter(MessageResult::returnsToQueue)
                .map(MessageResult::delivery)
                .toList();
    }

    /** The deliveries that are done and may be deleted. */
    public List<Delivery> acknowledged() {
        return results.stream()
                .filter(r -> r.settlement() instanceof Settlement.Acknowledge)
                .map(MessageResult::delivery)
                .toList();
    }
}
