package com.webhookbuffer.bootstrap.local.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches a running stack through {@code GET /status} (see {@link StatusDocument}) every {@link #EVERY} while
 * {@code ./run-local load} runs and drains: the latest figures, and the highest queue depth and connections in use
 * seen. A peak that comes and goes between two samples is not seen; the peaks are the highest sampled.
 */
public final class StatusSampler implements AutoCloseable {

    public static final Duration EVERY = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One reading of {@code /status}.
     *
     * @param takenAt          {@link System#nanoTime()} when it was asked for: it shows everything answered before
     * @param depth            messages waiting in the queue; -1 when the stack could not read its queue
     * @param inFlight         messages received by a worker and not yet settled; -1 when unknown
     * @param connectionBudget {@code DB_MAX_CONNECTIONS}
     * @param counts           the pipeline's counts since the stack started ({@code accepted}, {@code written}, ...)
     */
    public record Sample(
            long takenAt,
            long depth,
            long inFlight,
            int batchesInFlight,
            int connectionsInUse,
            int connectionBudget,
            Map<String, Long> counts) {

        public Sample {
            counts = Map.copyOf(counts);
        }

        /** Nothing queued, nothing being written: every message accepted before it was taken has been settled. */
        public boolean queueEmpty() {
            return depth == 0 && inFlight == 0 && batchesInFlight == 0;
        }

        public long count(String name) {
            return counts.getOrDefault(name, 0L);
        }

        public static Sample parse(long takenAt, String json) throws IOException {
            JsonNode status = JSON.readTree(json);
            JsonNode queue = status.path("queue");
            JsonNode database = status.path("database");
            Map<String, Long> counts = new LinkedHashMap<>();
            status.path("counts")
                    .properties()
                    .forEach(
                            count -> counts.put(count.getKey(), count.getValue().asLong()));
            return new Sample(
                    takenAt,
                    queue.path("depth").asLong(-1),
                    queue.path("inFlight").asLong(-1),
                    queue.path("batchesInFlight").asInt(),
                    database.path("connectionsInUse").asInt(),
                    database.path("connectionBudget").asInt(),
                    counts);
        }
    }

    /** The highest figures sampled. */
    public record Peaks(long depth, long inFlight, int connectionsInUse) {}

    private final HttpClient http;
    private final URI status;
    private final ScheduledExecutorService timer;
    private volatile Sample latest;
    private Peaks peaks;
    private volatile String lastFailure = "";
    /** {@link System#nanoTime()} of the last answer to {@code GET /status}. */
    private volatile long answeredAt;

    private StatusSampler(HttpClient http, URI status, Sample first) {
        this.http = http;
        this.status = status;
        this.latest = first;
        this.answeredAt = System.nanoTime();
        this.peaks = new Peaks(Math.max(0, first.depth()), Math.max(0, first.inFlight()), first.connectionsInUse());
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("status-sampler").factory());
    }

    /** Takes a first sample now (failing as the stack answers, if it does not), then one every {@link #EVERY}. */
    public static StatusSampler start(URI base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        URI status = base.resolve("/status");
        StatusSampler sampler;
        try {
            sampler = new StatusSampler(http, status, take(http, status));
        } catch (IOException | InterruptedException | RuntimeException e) {
            http.close();
            throw e;
        }
        sampler.timer.scheduleWithFixedDelay(
                sampler::sampleQuietly, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private static Sample take(HttpClient http, URI status) throws IOException, InterruptedException {
        long takenAt = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(status)
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + status + " answered " + response.statusCode());
        }
        return Sample.parse(takenAt, response.body());
    }

    private void sampleQuietly() {
        try {
            Sample sample = take(http, status);
            latest = sample;
            answeredAt = System.nanoTime();
            synchronized (this) {
                peaks = new Peaks(
                        Math.max(peaks.depth(), sample.depth()),
                        Math.max(peaks.inFlight(), sample.inFlight()),
                        Math.max(peaks.connectionsInUse(), sample.connectionsInUse()));
            }
        } catch (IOException e) {
            // The next sample may well answer; a stack that is gone shows in the webhooks' answers and the drain.
            lastFailure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Sample latest() {
        return latest;
    }

    public synchronized Peaks peaks() {
        return peaks;
    }

    /** How long the stack has not answered {@code GET /status}, as of {@code now} ({@link System#nanoTime()}). */
    public Duration silentFor(long now) {
        return Duration.ofNanos(Math.max(0, now - answeredAt));
    }

    /** Why the last sample that failed did, or empty. */
    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}
