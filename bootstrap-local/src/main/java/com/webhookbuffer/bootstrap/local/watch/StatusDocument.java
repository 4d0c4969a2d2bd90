package com.webhookbuffer.bootstrap.local.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.queue.QueueDepth;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The {@code GET /status} document: whether the stack takes webhooks, the queue's depths and the batches in flight,
 * the pipeline's counts, and the connections in use against the budget. Reads the queue's counters and the pool's:
 * never a database connection, so it answers while the database is down.
 */
public record StatusDocument(
        BooleanSupplier accepting,
        DeadLetterQueue queue,
        IntSupplier batchesInFlight,
        PipelineCounts counts,
        HikariDataSource pool,
        LocalSettings settings,
        Supplier<Optional<Duration>> oldestMessageAge) {

    private static final ObjectMapper JSON = new ObjectMapper();

    Map<String, Object> read() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("accepting", accepting.getAsBoolean());
        Map<String, Object> queueStatus = new LinkedHashMap<>();
        queueStatus.put("engine", settings.cloud().name().toLowerCase(java.util.Locale.ROOT));
        try {
            QueueDepth depth = queue.depth();
            queueStatus.put("depth", depth.visible());
            queueStatus.put("inFlight", depth.inFlight());
            queueStatus.put("deadLetterDepth", depth.deadLetters());
            if (settings.cloud() == LocalSettings.Cloud.POSTGRESQL) {
                // The door's bound (QUEUE_MAX_DEPTH): at it, webhooks are answered 503 until the worker catches up.
                queueStatus.put("maxDepth", settings.queue().maxDepth());
                queueStatus.put(
                        "full",
                        depth.visible() + depth.inFlight() >= settings.queue().maxDepth());
            }
            // How long the oldest message still queued has waited: what a growing backlog costs in lag.
            oldestMessageAge
                    .get()
                    .ifPresent(age -> queueStatus.put("oldestMessageAgeSeconds", age.toMillis() / 1000.0));
        } catch (QueueUnavailableException e) {
            queueStatus.put("error", e.getMessage());
        }
        queueStatus.put("batchesInFlight", batchesInFlight.getAsInt());
        status.put("queue", queueStatus);
        status.put("counts", counts.snapshot());
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("connectionsInUse", connectionsInUse());
        database.put("connectionsOpen", connectionsOpen());
        database.put("connectionBudget", settings.budget().dbMaxConnections());
        database.put("workerMaxConcurrency", settings.workerMaxConcurrency());
        status.put("database", database);
        return status;
    }

    /** The queue's depths now, or empty while the queue cannot be reached. */
    Optional<QueueDepth> depth() {
        try {
            return Optional.of(queue.depth());
        } catch (QueueUnavailableException e) {
            return Optional.empty();
        }
    }

    int connectionsInUse() {
        HikariPoolMXBean connections = pool.getHikariPoolMXBean();
        return connections == null ? 0 : connections.getActiveConnections();
    }

    int connectionsOpen() {
        HikariPoolMXBean connections = pool.getHikariPoolMXBean();
        return connections == null ? 0 : connections.getTotalConnections();
    }

    public String json() {
        try {
            return JSON.writeValueAsString(read());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status could not be written as JSON", e);
        }
    }
}
