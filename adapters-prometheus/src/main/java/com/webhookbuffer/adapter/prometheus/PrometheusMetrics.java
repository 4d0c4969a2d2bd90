package com.webhookbuffer.adapter.prometheus;

import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The pipeline's metrics in Prometheus' model, one registry per instance (never the library's global one, so two
 * stacks in one JVM, as in the tests, count apart). Names follow Prometheus' conventions: a {@code webhookbuffer_}
 * prefix, base units (seconds), {@code _total} on counters; labels only take the outcome labels, never anything per
 * request.
 */
public final class PrometheusMetrics implements IngestMetrics, WorkerMetrics {

    /** The text format's media type, for the {@code Content-Type} of {@code /metrics}. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    public static final String REQUESTS = "webhookbuffer_requests";
    public static final String PUBLISH_LATENCY = "webhookbuffer_publish_latency_seconds";
    public static final String MESSAGES = "webhookbuffer_messages";
    public static final String BATCH_SIZE = "webhookbuffer_batch_size";
    public static final String BATCH_WRITE_LATENCY = "webhookbuffer_batch_write_latency_seconds";
    public static final String LAG = "webhookbuffer_lag_seconds";
    public static final String OUTCOME = "outcome";

    private static final double[] LATENCY_BUCKETS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };
    /** From a fraction of a second (the buffer keeps up) to the ten minutes and more of a backlog being drained. */
    private static final double[] LAG_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800};

    private static final double[] BATCH_BUCKETS = {1, 2, 3, 5, 8, 10, 20, 50, 100};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder()
            .name(REQUESTS)
            .help("Webhook requests answered by the door, by outcome (accepted, or why not)")
            .labelNames(OUTCOME)
            .register(registry);
    private final Histogram publishLatency = Histogram.builder()
            .name(PUBLISH_LATENCY)
            .unit(Unit.SECONDS)
            .help("Time the queue took to acknowledge or refuse a message")
            .classicOnly()
            .classicUpperBounds(LATENCY_BUCKETS)
            .register(registry);
    private final Counter messages = Counter.builder()
            .name(MESSAGES)
            .help("Queued webhooks the worker processed, by outcome")
            .labelNames(OUTCOME)
            .register(registry);
    private final Histogram batchSize = Histogram.builder()
            .name(BATCH_SIZE)
            .help("Messages per batch the worker settled")
            .classicOnly()
            .classicUpperBounds(BATCH_BUCKETS)
            .register(registry);
    private final Histogram batchWriteLatency = Histogram.builder()
            .name(BATCH_WRITE_LATENCY)
            .unit(Unit.SECONDS)
            .help("Time the one write of a batch to the database took")
            .classicOnly()
            .classicUpperBounds(LATENCY_BUCKETS)
            .register(registry);
    private final Histogram lag = Histogram.builder()
            .name(LAG)
            .unit(Unit.SECONDS)
            .help("Time from a webhook being accepted at the door to its order being written")
            .classicOnly()
            .classicUpperBounds(LAG_BUCKETS)
            .register(registry);

    public PrometheusMetrics() {
        // Every outcome present from the start at 0, so a rate over it is defined before the first one happens.
        AcceptOutcome.LABELS.forEach(requests::labelValues);
        for (String outcome : new String[] {"written", "duplicate", "stale", "retry-later", "poison"}) {
            messages.labelValues(outcome);
        }
    }

    @Override
    public void answered(AcceptOutcome outcome, Optional<Duration> latency) {
        requests.labelValues(outcome.label()).inc();
        latency.ifPresent(d -> publishLatency.observe(Unit.nanosToSeconds(d.toNanos())));
    }

    @Override
    public void processed(BatchObservation batch) {
        for (MessageResult result : batch.report().results()) {
            messages.labelValues(result.outcome().label()).inc();
        }
        batchSize.observe(batch.report().results().size());
        batch.writeLatency().ifPresent(d -> batchWriteLatency.observe(Unit.nanosToSeconds(d.toNanos())));
        batch.lags().forEach(d -> lag.observe(Unit.nanosToSeconds(d.toNanos())));
    }

    /**
     * Adds a gauge read at each scrape, e.g. the queue's depth; when {@code value} has none (its source is down),
     * the gauge is left out of that scrape rather than reported as a number it is not.
     */
    public void gauge(String name, String help, Supplier<OptionalDouble> value) {
        GaugeWithCallback.builder()
                .name(name)
                .help(help)
                .callback(callback -> {
                    try {
                        value.get().ifPresent(callback::call);
                    } catch (RuntimeException e) {
                        // Left out of this scrape: a watcher must not fail because what it watches is down.
                    }
                })
                .register(registry);
    }

    /** Adds a counter its host keeps, read at each scrape: a running total that never goes down. */
    public void counter(String name, String help, LongSupplier total) {
        CounterWithCallback.builder()
                .name(name)
                .help(help)
                .callback(callback -> callback.call(total.getAsLong()))
                .register(registry);
    }

    /** Everything, in the text exposition format (version 0.0.4). */
    public String scrape() {
        ByteArrayOutputStream text = new ByteArrayOutputStream(4096);
        try {
            PrometheusTextFormatWriter.create().write(text, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
