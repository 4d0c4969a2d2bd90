package com.webhookbuffer.domain.port.out;

import com.webhookbuffer.domain.processing.BatchReport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outbound port of the worker, called by {@code ProcessWebhookBatch} once for every batch it settles: what an
 * operator watches to see the queue drain at the rate the database bears.
 *
 * <p>Observations are never a reason to fail a batch: the use case ignores an adapter that throws, and adapters
 * should not throw in the first place.
 */
@FunctionalInterface
public interface WorkerMetrics {

    /** Watching nothing: metrics are off. */
    WorkerMetrics NONE = batch -> {};

    void processed(BatchObservation batch);

    /**
     * One settled batch.
     *
     * @param report       each delivery's outcome and settlement
     * @param writeLatency how long the one write to the store took, when there was one
     * @param lags         for each order written, the time from its webhook being accepted at the door to the
     *                     write: the figure that says whether the buffer keeps up
     */
    record BatchObservation(BatchReport report, Optional<Duration> writeLatency, List<Duration> lags) {
        public BatchObservation {
            Objects.requireNonNull(report, "report must not be null");
            Objects.requireNonNull(writeLatency, "writeLatency must not be null");
            lags = List.copyOf(lags);
        }
    }
}
