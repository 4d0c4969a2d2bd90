package com.webhookbuffer.domain.processing;

/**
 * The database's connections, shared out among workers. The rule: workers may run concurrently only as many at a
 * time as the connections left after the reserve can serve, each holding a pool of {@code workerPoolSize}:
 * {@code maxWorkerConcurrency = floor((dbMaxConnections - dbReservedConnections) / workerPoolSize)}.
 *
 * <p>So at no moment can the workers hold more than {@code dbMaxConnections - dbReservedConnections} connections.
 * A configuration that leaves no room for even one worker is refused here, not discovered as a throttled queue.
 * How a platform expresses the rule (an SQS event source's {@code MaximumConcurrency}, a pooler's percentage) is that
 * platform's bootstrap's business.
 */
public record ConnectionBudget(int dbMaxConnections, int dbReservedConnections, int workerPoolSize) {

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
}
