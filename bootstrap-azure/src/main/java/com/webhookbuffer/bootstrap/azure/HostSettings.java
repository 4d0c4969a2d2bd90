package com.webhookbuffer.bootstrap.azure;

import com.webhookbuffer.domain.processing.ConnectionBudget;

/**
 * The queue trigger's settings ({@code host.json}) and the worker app's scale-out limit, derived from the
 * {@link ConnectionBudget}. The host runs up to {@code batchSize + newBatchThreshold} messages at once per instance;
 * each holds at most one connection while its order is written, so that is the instance's pool, and the budget says
 * how many instances the database can serve: {@code instances x (batchSize + newBatchThreshold) <= max - reserved}.
 * {@code HostSettingsTest} holds {@code host.json} and the Azure template to these numbers.
 */
public final class HostSettings {

    public static final int BATCH_SIZE = 8;
    public static final int NEW_BATCH_THRESHOLD = 4;
    /** Deliveries before the host (or, for a retry-later, the worker) moves a message to the poison queue. */
    public static final int MAX_DEQUEUE_COUNT = 5;
    /** How long the host leaves a failed message invisible before its next try (host.json's format). */
    public static final String VISIBILITY_TIMEOUT = "00:00:30";

    private HostSettings() {}

    /** Messages one worker instance works on at once, and so the connections its pool needs. */
    public static int concurrentMessages() {
        return BATCH_SIZE + NEW_BATCH_THRESHOLD;
    }

    /** The worker app's scale-out limit: as many instances as the database's connections serve. */
    public static int maxInstances(int dbMaxConnections, int dbReservedConnections) {
        return new ConnectionBudget(dbMaxConnections, dbReservedConnections, concurrentMessages())
                .maxWorkerConcurrency();
    }
}
