package com.webhookbuffer.bootstrap.local.watch;

import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.processing.Settlement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the local stack has done since it started, for {@code GET /status}: webhooks accepted at the door, and what
 * the worker made of each message. On AWS the same figures come from the functions' log lines; here they are
 * counted by watching the worker's {@link BatchReport}s, so the handlers stay exactly those the Lambdas run.
 */
public final class PipelineCounts {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong duplicate = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    public void accepted() {
        accepted.incrementAndGet();
    }

    /** The processor, counting each message's outcome; a batch that fails as a whole counts as retried. */
    public WebhookProcessor watching(WebhookProcessor processor) {
        return batch -> {
            BatchReport report;
            try {
                report = processor.process(batch);
            } catch (RuntimeException e) {
                retried.addAndGet(batch.size());
                throw e;
            }
            report.results().forEach(this::count);
            return report;
        };
    }

    private void count(MessageResult result) {
        switch (result.outcome()) {
            case ProcessingOutcome.Written w -> written.incrementAndGet();
            case ProcessingOutcome.Duplicate d -> duplicate.incrementAndGet();
            case ProcessingOutcome.Stale s -> stale.incrementAndGet();
            case ProcessingOutcome.RetryLater r -> {}
            case ProcessingOutcome.StoreUnavailable u -> {}
            case ProcessingOutcome.Poison p -> {}
        }
        switch (result.settlement()) {
            case Settlement.ReturnToQueue r -> retried.incrementAndGet();
            case Settlement.DeadLettered d -> deadLettered.incrementAndGet();
            case Settlement.Acknowledge a -> {}
        }
    }

    /** The counts by name, in the order {@code /status} shows them. */
    Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("accepted", accepted.get());
        counts.put("written", written.get());
        counts.put("duplicate", duplicate.get());
        counts.put("stale", stale.get());
        counts.put("retried", retried.get());
        counts.put("deadLettered", deadLettered.get());
        return counts;
    }
}
