package com.webhookbuffer.standin;

/**
 * What feeds the worker here in the place of a cloud's trigger (the SQS event source mapping, the Functions host's
 * queue trigger): at most so many at once, so the database stays inside its budget. Closing it stops taking new work
 * and waits for the work in flight.
 */
public interface WorkerFeed extends AutoCloseable {

    /** Batches (or, on Azure, messages) being worked on now. */
    int batchesInFlight();

    @Override
    void close();
}
