package com.webhookbuffer.bootstrap.lambda.worker;

import com.webhookbuffer.domain.processing.ConnectionBudget;

/**
 * The connection budget's rule ({@link ConnectionBudget}) in the terms AWS takes it: the SQS event source mapping's
 * {@code MaximumConcurrency}, and RDS Proxy's {@code MaxConnectionsPercent}.
 */
public final class EventSourceBudget {

    /** The SQS event source mapping's {@code ScalingConfig.MaximumConcurrency} accepts 2 to 1000. */
    public static final int EVENT_SOURCE_MIN_CONCURRENCY = 2;

    public static final int EVENT_SOURCE_MAX_CONCURRENCY = 1000;

    private EventSourceBudget() {}

    /**
     * The budget's workers within what an SQS event source mapping accepts: capped at 1000 (fewer workers never
     * exceed the budget), and refused below 2, because rounding up to AWS's minimum would break the budget.
     */
    public static int maximumConcurrency(ConnectionBudget budget) {
        int concurrency = budget.maxWorkerConcurrency();
        if (concurrency < EVENT_SOURCE_MIN_CONCURRENCY) {
            throw new IllegalArgumentException("connection budget allows " + concurrency
                    + " worker(s), but an SQS event source needs MaximumConcurrency >= 2: raise dbMaxConnections ("
                    + budget.dbMaxConnections() + ") or lower dbReservedConnections ("
                    + budget.dbReservedConnections() + ") or workerPoolSize (" + budget.workerPoolSize() + ")");
        }
        return Math.min(concurrency, EVENT_SOURCE_MAX_CONCURRENCY);
    }

    /**
     * The same budget as a share of the database's connections, for a connection pooler in front of it (RDS
     * Proxy's {@code MaxConnectionsPercent}): the workers' connections, rounded down, so the reserved ones stay free.
     */
    public static int workerConnectionsPercent(ConnectionBudget budget) {
        return Math.max(1, budget.workerConnections() * 100 / budget.dbMaxConnections());
    }
}
