package com.webhookbuffer.domain.processing;

/**
 * The database's connections, shared out among workers. The rule: workers may run concurrently only as many at a
 * time as the connections left after the reserve can serve, each holding a pool of {@code workerPoolSize}:
 * {@code maxWorkerConcurrency = floor((dbMaxConnections - dbReservedConnections) / workerPoolSize)}.
 *
 * <p>So at no moment can the workers hold more than {@code dbMaxConnections - dbReservedConnections} connections.
 * A configuration that leaves no room for even one worker is refused here, not discovered as a throttled queue.
 */
public record ConnectionBudget(int dbMaxConnections, int dbReservedConnections, int workerPoolSize) {

    /** The SQS event source mapping's {@code ScalingConfig.MaximumConcurrency} accepts 2 to 1000. */
    public static final int EVENT_SOURCE_MIN_CONCURRENCY = 2;
    public static final int EVENT_SOURCE_MAX_CONCURRENCY = 1000;

    public ConnectionBudget {
        if (dbMaxConnections < 1) {
            throw new IllegalArgumentException("dbMaxConnections must be >= 1, was: " + dbMaxConnections);
        }
        if (dbReservedConnections < 0) {
            throw new IllegalArgumentException("dbReservedConnections must be >= 0, was: " + dbReservedConnections);
        }
        if (workerPoolSize < 1) {
            throw new IllegalArgumentException("workerPoolSize must be >= 1, was: " + workerPoolSize);
        }
        if (dbMaxConnections - dbReservedConnections < workerPoolSize) {
            throw new IllegalArgumentException("connection budget leaves no room for a worker: dbMaxConnections ("
                    + dbMaxConnections + ") - dbReservedConnections (" + dbReservedConnections
                    + ") must be >= workerPoolSize (" + workerPoolSize + ")");
        }
    }

    /** Connections the workers may hold between them. */
    public int workerConnections() {
        return dbMaxConnections - dbReservedConnections;
    }

    /** How many workers may run at once; always >= 1. */
    public int maxWorkerConcurrency() {
        return workerConnections() / workerPoolSize;
    }

    /**
     * The same rule within what an SQS event source mapping accepts: capped at 1000 (fewer workers never exceed the
     * budget), and refused below 2, because rounding up to AWS's minimum would break the budget.
     */
    public int eventSourceMaximumConcurrency() {
        int concurrency = maxWorkerConcurrency();
        if (concurrency < EVENT_SOURCE_MIN_CONCURRENCY) {
            throw new IllegalArgumentException("connection budget allows " + concurrency
                    + " worker(s), but an SQS event source needs MaximumConcurrency >= 2: raise dbMaxConnections ("
                    + dbMaxConnections + ") or lower dbReservedConnections (" + dbReservedConnections
                    + ") or workerPoolSize (" + workerPoolSize + ")");
        }
        return Math.min(concurrency, EVENT_SOURCE_MAX_CONCURRENCY);
    }

    /**
     * The same budget as a share of the database's connections, for a connection pooler in front of it (RDS
     * Proxy's {@code MaxConnectionsPercent}): the workers' connections, rounded down, so the reserved ones stay free.
     */
    public int workerConnectionsPercent() {
        return Math.max(1, workerConnections() * 100 / dbMaxConnections);
    }
}
