package com.webhookbuffer.bootstrap.local.watch;

import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.queue.QueueDepth;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last {@value #KEPT} samples of the pipeline, one a second: what {@code GET /dashboard} draws. Each sample holds
 * the running totals (accepted, written), the queue's depths, the connections in use, and the lag of the orders
 * written since the sample before (its median and 99th percentile), which it learns as a {@link WorkerMetrics}.
 */
public final class DashboardHistory implements WorkerMetrics {

    /** Fifteen minutes at one sample a second. */
    public static final int KEPT = 900;

    /** One second of the pipeline; a depth is null while the queue could not be read, a lag while nothing was written. */
    record Sample(
            long epochMillis,
            long accepted,
            long written,
            Long queueDepth,
            Long inFlight,
            Long deadLetters,
            int connectionsInUse,
            Double lagP50Seconds,
            Double lagP99Seconds) {}

    private final Deque<Sample> samples = new ArrayDeque<>();
    private final List<Double> lagsSinceLastSample = new ArrayList<>();

    @Override
    public synchronized void processed(BatchObservation batch) {
        for (Duration lag : batch.lags()) {
            lagsSinceLastSample.add(lag.toNanos() / 1e9);
        }
    }

    synchronized void sample(
            long epochMillis, Map<String, Long> counts, Optional<QueueDepth> depth, int connectionsInUse) {
        Collections.sort(lagsSinceLastSample);
        samples.addLast(new Sample(
                epochMillis,
                counts.get("accepted"),
                counts.get("written"),
                depth.map(QueueDepth::visible).orElse(null),
                depth.map(QueueDepth::inFlight).orElse(null),
                depth.map(QueueDepth::deadLetters).orElse(null),
                connectionsInUse,
                percentile(lagsSinceLastSample, 0.50),
                percentile(lagsSinceLastSample, 0.99)));
        lagsSinceLastSample.clear();
        while (samples.size() > KEPT) {
            samples.removeFirst();
        }
    }

    /** The {@link NearestRank nearest-rank} percentile of sorted values; null when there are none. */
    static Double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? null : sorted.get(NearestRank.index(sorted.size(), p));
    }

    /**
     * The history as the page reads it: one array per series, aligned on {@code time} (seconds since the epoch, as
     * the chart library takes it); rates per second between consecutive samples (none for the first); the latest
     * totals and depths as the page's figures.
     */
    synchronized Map<String, Object> document(int connectionBudget, int workerMaxConcurrency, Long queueMaxDepth) {
        List<Double> time = new ArrayList<>();
        List<Double> acceptedPerSecond = new ArrayList<>();
        List<Double> writtenPerSecond = new ArrayList<>();
        List<Long> queueDepth = new ArrayList<>();
        List<Long> deadLetters = new ArrayList<>();
        List<Integer> connections = new ArrayList<>();
        List<Double> lagP50 = new ArrayList<>();
        List<Double> lagP99 = new ArrayList<>();
        Sample previous = null;
        for (Sample sample : samples) {
            time.add(sample.epochMillis() / 1000.0);
            acceptedPerSecond.add(
                    rate(previous, sample, previous == null ? 0 : previous.accepted(), sample.accepted()));
            writtenPerSecond.add(rate(previous, sample, previous == null ? 0 : previous.written(), sample.written()));
            queueDepth.add(sample.queueDepth());
            deadLetters.add(sample.deadLetters());
            connections.add(sample.connectionsInUse());
            lagP50.add(sample.lagP50Seconds());
            lagP99.add(sample.lagP99Seconds());
            previous = sample;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("connectionBudget", connectionBudget);
        document.put("workerMaxConcurrency", workerMaxConcurrency);
        // The door's bound on the queue on PostgreSQL (null elsewhere): at it, webhooks are answered 503.
        document.put("queueMaxDepth", queueMaxDepth);
        document.put("time", time);
        document.put("acceptedPerSecond", acceptedPerSecond);
        document.put("writtenPerSecond", writtenPerSecond);
        document.put("queueDepth", queueDepth);
        document.put("deadLetters", deadLetters);
        document.put("connectionsInUse", connections);
        document.put("lagP50Seconds", lagP50);
        document.put("lagP99Seconds", lagP99);
        document.put("latest", samples.isEmpty() ? null : samples.getLast());
        return document;
    }

    private static Double rate(Sample previous, Sample sample, long before, long now) {
        if (previous == null || sample.epochMillis() <= previous.epochMillis()) {
            return null;
        }
        return (now - before) * 1000.0 / (sample.epochMillis() - previous.epochMillis());
    }
}
