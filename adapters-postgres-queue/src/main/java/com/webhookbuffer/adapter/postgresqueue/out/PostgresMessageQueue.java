package com.webhookbuffer.adapter.postgresqueue.out;

import com.webhookbuffer.adapter.postgresqueue.message.QueueTables;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link MessageQueue} on PostgreSQL, committing in groups: each publish waits until its own message is committed
 * (with the server's {@code fsync} and {@code synchronous_commit}), but the requests that arrive while a commit is
 * under way go together in the next one, so the rate is not one WAL flush per webhook. {@code committers}
 * connections commit side by side.
 *
 * <p>A bounded queue: once about {@code maxDepth} messages wait or are in flight, publishing answers
 * {@link PublishOutcome.Unavailable} (the door's 503 with {@code Retry-After}) until the worker has caught up, long
 * before the disk fills. The count is taken every {@link #DEPTH_REFRESH} (and takes one of the door's connections
 * meanwhile), so the bound is approximate, as SQS's counts are.
 */
public final class PostgresMessageQueue implements MessageQueue, AutoCloseable {

    /** How long a publish waits for its commit before it answers unavailable (the message may still be taken). */
    public static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(5);
    /** The most messages one commit carries. */
    public static final int MAX_GROUP = 500;

    static final Duration DEPTH_REFRESH = Duration.ofMillis(250);

    private final QueueTables tables;
    private final long maxDepth;
    private final int maxGroup;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private final Thread gauge;
    private volatile boolean running = true;
    private volatile QueueTables.Counts lastCounted;

    /**
     * @param committers how many commits may be under way at once: the connections this door holds
     * @param maxDepth   messages waiting or in flight beyond which publishing is refused
     */
    public PostgresMessageQueue(QueueTables tables, int committers, long maxDepth) {
        this(tables, committers, maxDepth, MAX_GROUP);
    }

    /** With {@code maxGroup} 1, every message is a transaction of its own (the benchmark's baseline). */
    public PostgresMessageQueue(QueueTables tables, int committers, long maxDepth, int maxGroup) {
        if (committers < 1) {
            throw new IllegalArgumentException("committers must be >= 1, was: " + committers);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1, was: " + maxDepth);
        }
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be >= 1, was: " + maxGroup);
        }
        this.tables = tables;
        this.maxDepth = maxDepth;
        this.maxGroup = maxGroup;
        for (int i = 1; i <= committers; i++) {
            this.committers.add(
                    Thread.ofPlatform().name("queue-committer-" + i).daemon().start(this::commitLoop));
        }
        this.gauge = Thread.ofPlatform().name("queue-depth-gauge").daemon().start(this::countLoop);
    }

    @Override
    public PublishOutcome publish(QueuedWebhook webhook) {
        QueueTables.Counts counted = lastCounted;
        long waiting = counted == null ? 0 : counted.visible() + counted.inFlight();
        if (waiting >= maxDepth) {
            return new PublishOutcome.Unavailable("the queue is full: about " + waiting + " messages wait, the bound"
                    + " (QUEUE_MAX_DEPTH) is " + maxDepth + "; retry once the worker has caught up");
        }
        if (!running) {
            return new PublishOutcome.Unavailable("the queue is closing");
        }
        Pending message = new Pending(Envelope.of(webhook), new CompletableFuture<>());
        pending.add(message);
        try {
            return new PublishOutcome.Published(
                    message.committed().get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return new PublishOutcome.Unavailable(e.getCause().getMessage());
        } catch (TimeoutException e) {
            return new PublishOutcome.Unavailable("the queue did not confirm the message within " + PUBLISH_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PublishOutcome.Unavailable("interrupted while waiting for the queue");
        }
    }

    /**
     * Counts what waits or is in flight every {@link #DEPTH_REFRESH}, on a thread of its own, so a publish never
     * waits for a count (nor, when the database is down, for a count's connection to time out).
     */
    private void countLoop() {
        while (running) {
            try {
                lastCounted = tables.counts();
            } catch (QueueUnavailableException e) {
                // The publishes find out for themselves; the last count stands meanwhile.
            }
            try {
                Thread.sleep(DEPTH_REFRESH);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * The queue's counts as this door last took them (at most {@link #DEPTH_REFRESH} old, so approximate, as SQS's
     * are); empty before the first count. For a watcher, who need not count again.
     */
    public Optional<QueueTables.Counts> lastCounted() {
        return Optional.ofNullable(lastCounted);
    }

    private void commitLoop() {
        List<Pending> group = new ArrayList<>(maxGroup);
        while (running || !pending.isEmpty()) {
            Pending first;
            try {
                first = pending.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            group.clear();
            group.add(first);
            pending.drainTo(group, maxGroup - 1);
            commit(group);
        }
    }

    private void commit(List<Pending> group) {
        try {
            List<String> ids =
                    tables.insert(group.stream().map(Pending::envelope).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).committed().complete(ids.get(i));
            }
        } catch (RuntimeException e) {
            group.forEach(message -> message.committed().completeExceptionally(e));
        }
    }

    /** Stops taking messages, commits those already handed over, and stops the committers. */
    @Override
    public void close() {
        running = false;
        gauge.interrupt();
        for (Thread committer : committers) {
            try {
                committer.join(PUBLISH_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Pending(Envelope envelope, CompletableFuture<String> committed) {}
}
