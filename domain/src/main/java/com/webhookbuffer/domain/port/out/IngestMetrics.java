package com.webhookbuffer.domain.port.out;

import com.webhookbuffer.domain.webhook.AcceptOutcome;
import java.time.Duration;
import java.util.Optional;

/**
 * Outbound port of the door, called by {@code AcceptWebhook} once for every request it answers: what an operator
 * watches to see the spike arrive. An adapter turns it into its platform's metrics (one embedded-metric document per
 * request on Lambda, counters and histograms for Prometheus locally).
 *
 * <p>Observations are never a reason to fail a request: the use case ignores an adapter that throws, and adapters
 * should not throw in the first place.
 */
@FunctionalInterface
public interface IngestMetrics {

    /** Watching nothing: metrics are off. */
    IngestMetrics NONE = (outcome, publishLatency) -> {};

    /**
     * @param outcome        what the request was answered with; {@link AcceptOutcome#label()} is its low-cardinality
     *                       name
     * @param publishLatency how long the queue took to acknowledge or refuse the message, when it was asked
     */
    void answered(AcceptOutcome outcome, Optional<Duration> publishLatency);
}
