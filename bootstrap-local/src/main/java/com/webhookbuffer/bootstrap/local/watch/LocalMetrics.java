package com.webhookbuffer.bootstrap.local.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webhookbuffer.adapter.prometheus.PrometheusMetrics;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.queue.QueueDepth;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What the local stack shows of itself beyond {@code /status}: {@code GET /metrics}, the door's and the worker's
 * metrics (the same ports the functions report to on AWS) as Prometheus counters and histograms, with the queue, the
 * pool and the stack's own counts as gauges; and the history {@code GET /dashboard} draws, sampled once a second.
 */
public final class LocalMetrics implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DEPTH_FRESH_MILLIS = 250;

    private final PrometheusMetrics prometheus = new PrometheusMetrics();
    private final DashboardHistory history = new DashboardHistory();
    private ScheduledExecutorService sampler;
    private StatusDocument status;
    private Optional<QueueDepth> lastDepth = Optional.empty();
    private long lastDepthAt;

    /** What the door reports to. */
    public IngestMetrics ingest() {
        return prometheus;
    }

    /** What the worker reports to: the Prometheus histograms and the dashboard's lag. */
    public WorkerMetrics worker() {
        return batch -> {
            prometheus.processed(batch);
            history.processed(batch);
        };
    }

    /** Adds what {@code status} reads as gauges, and starts sampling it for the dashboard. */
    public void watch(StatusDocument status, LocalSettings settings) {
        this.status = status;
        gauge(
                "webhookbuffer_queue_visible_messages",
                "Messages waiting in the queue",
                depth -> depth.map(QueueDepth::visible));
        gauge(
                "webhookbuffer_queue_in_flight_messages",
                "Messages received by the worker and not yet settled",
                depth -> depth.map(QueueDepth::inFlight));
        gauge(
                "webhookbuffer_dead_letter_messages",
                "Messages in the dead-letter queue",
                depth -> depth.map(QueueDepth::deadLetters));
        prometheus.gauge(
                "webhookbuffer_db_connections_in_use",
                "Database connections the worker is using",
                () -> OptionalDouble.of(status.connectionsInUse()));
        prometheus.gauge(
                "webhookbuffer_db_connections_open",
                "Database connections the worker's pool holds open",
                () -> OptionalDouble.of(status.connectionsOpen()));
        prometheus.gauge(
                "webhookbuffer_db_connection_budget",
                "DB_MAX_CONNECTIONS: connections the database has",
                () -> OptionalDouble.of(settings.budget().dbMaxConnections()));
        prometheus.gauge(
                "webhookbuffer_worker_batches_in_flight",
                "Batches the worker is processing",
                () -> OptionalDouble.of(status.batchesInFlight().getAsInt()));
        prometheus.gauge(
                "webhookbuffer_worker_max_concurrency",
                "WORKER_MAX_CONCURRENCY: batches at most at once",
                () -> OptionalDouble.of(settings.workerMaxConcurrency()));
        prometheus.counter(
                "webhookbuffer_retried",
                "Messages returned to the queue to be tried again (/status: retried)",
                () -> status.counts().snapshot().get("retried"));
        prometheus.counter(
                "webhookbuffer_dead_lettered",
                "Messages moved to the dead-letter queue (/status: deadLettered)",
                () -> status.counts().snapshot().get("deadLettered"));
        sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dashboard-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /**
     * The queue's depths, asked of the queue at most once per {@link #DEPTH_FRESH_MILLIS}: one scrape reads three
     * gauges from one answer, and the dashboard's sampler shares it.
     */
    private synchronized Optional<QueueDepth> depth() {
        long now = System.nanoTime();
        if (lastDepthAt == 0 || now - lastDepthAt > DEPTH_FRESH_MILLIS * 1_000_000) {
            lastDepth = status.depth();
            lastDepthAt = now;
        }
        return lastDepth;
    }

    private void gauge(String name, String help, Function<Optional<QueueDepth>, Optional<Long>> read) {
        prometheus.gauge(
                name,
                help,
                () -> read.apply(depth()).map(value -> OptionalDouble.of(value)).orElse(OptionalDouble.empty()));
    }

    private void sample() {
        try {
            history.sample(System.currentTimeMillis(), status.counts().snapshot(), depth(), status.connectionsInUse());
        } catch (RuntimeException e) {
            // A missed sample is a gap in a chart; an exception here would stop every later sample.
        }
    }

    /** {@code GET /metrics}. */
    public HttpFront.Answer metricsAnswer() {
        return new HttpFront.Answer(200, Map.of("Content-Type", PrometheusMetrics.CONTENT_TYPE), prometheus.scrape());
    }

    /** {@code GET /dashboard/history}. */
    public HttpFront.Answer historyAnswer(LocalSettings settings) {
        try {
            return new HttpFront.Answer(
                    200,
                    Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
                    JSON.writeValueAsString(history.document(
                            settings.budget().dbMaxConnections(),
                            settings.workerMaxConcurrency(),
                            settings.cloud() == LocalSettings.Cloud.POSTGRESQL
                                    ? settings.queue().maxDepth()
                                    : null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dashboard's history could not be written as JSON", e);
        }
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }
}
