package com.webhookbuffer.standin;

/** A {@link WorkerFeed} that polls with {@link Pollers}: what is in flight is theirs to count and to wait for. */
public abstract class PolledFeed implements WorkerFeed {

    private volatile Pollers pollers;

    /** Starts the pollers: the last thing a subclass's constructor does, once what {@link #poll} reads is set. */
    protected final void start(String name, int concurrency) {
        pollers = Pollers.start(name, concurrency, this::poll);
    }

    /** One poller's loop, until {@code pollers.running()} turns false. */
    protected abstract void poll(Pollers pollers);

    @Override
    public int batchesInFlight() {
        return pollers.inFlight();
    }

    /** Stops polling and waits for what is in flight to finish. */
    @Override
    public void close() {
        pollers.stop();
    }
}
