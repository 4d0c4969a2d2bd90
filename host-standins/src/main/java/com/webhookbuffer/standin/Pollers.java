package com.webhookbuffer.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The threads a trigger's stand-in polls with: {@code count} platform threads running one loop until stopped, a
 * pause between failed polls, and a stop that waits for each to finish what it holds.
 */
public final class Pollers {

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running = true;

    /** Starts {@code count} threads named {@code name-1..count}, each running {@code loop} until stopped. */
    public static Pollers start(String name, int count, Consumer<Pollers> loop) {
        Pollers pollers = new Pollers();
        for (int i = 1; i <= count; i++) {
            pollers.threads.add(Thread.ofPlatform().name(name + "-" + i).start(() -> loop.accept(pollers)));
        }
        return pollers;
    }

    public boolean running() {
        return running;
    }

    /** Runs work that was received: counted as in flight meanwhile, so a stop that comes now lets it finish. */
    public void work(Runnable received) {
        inFlight.incrementAndGet();
        try {
            received.run();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** How many pieces of work are in flight now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Waits {@code pause} before the next poll; an interrupt stops this poller. */
    public void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops polling and waits for what is in flight to finish. */
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
