package com.webhookbuffer.adapter.inmemory;

import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.port.out.FailedDeliveries;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.queue.QueueDepth;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import com.webhookbuffer.domain.queue.Redrive;
import com.webhookbuffer.domain.queue.RedriveProgress;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A queue and its dead-letter queue held in memory, behind all three queue ports, with SQS semantics: visibility timeout, receive count, receipts that go
 * stale when a message is received again, and a redrive policy that moves a message to the dead-letter queue
 * when it is received more than {@code maxReceiveCount} times. Messages carry the same {@link Envelope} as on SQS.
 * {@link #receive} and {@link #acknowledge} are the event source's side, which no port has: on AWS the Lambda event
 * source plays it; here the tests and the priming before a snapshot do.
 *
 * <p>Thread-safe (one lock: the queue is a test double and a local tool, not a throughput engine). Receiving
 * never blocks; time moves only with the injected clock.
 */
public final class InMemoryMessageQueue implements MessageQueue, FailedDeliveries, DeadLetterQueue {

    private final Clock clock;
    private final Duration visibilityTimeout;
    private final int maxReceiveCount;

    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final Map<String, DeadLetter> deadLetters = new LinkedHashMap<>();
    private final Map<String, RedriveProgress> redrives = new LinkedHashMap<>();
    private boolean available = true;

    /**
     * @param visibilityTimeout how long a received message stays invisible unless settled
     * @param maxReceiveCount   receives after which the next receive moves the message to the dead-letter queue
     */
    public InMemoryMessageQueue(Clock clock, Duration visibilityTimeout, int maxReceiveCount) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.visibilityTimeout = Objects.requireNonNull(visibilityTimeout, "visibilityTimeout must not be null");
        if (visibilityTimeout.isNegative()) {
            throw new IllegalArgumentException("visibilityTimeout must be >= 0, was: " + visibilityTimeout);
        }
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("maxReceiveCount must be >= 1, was: " + maxReceiveCount);
        }
        this.maxReceiveCount = maxReceiveCount;
    }

    /** Simulates an outage (or its end): while unavailable, every operation fails as a real queue's would. */
    public synchronized void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public synchronized PublishOutcome publish(QueuedWebhook webhook) {
        if (!available) {
            return new PublishOutcome.Unavailable("in-memory queue is unavailable");
        }
        return new PublishOutcome.Published(send(Envelope.of(webhook)));
    }

    /**
     * Puts any envelope on the queue, as another producer or an operator with the aws CLI could: the way to get a
     * message the inbox would never have accepted (damaged, or from an older schema) into a test.
     */
    public synchronized String send(Envelope envelope) {
        String messageId = UUID.randomUUID().toString();
        messages.put(messageId, new Message(messageId, envelope, clock.instant()));
        return messageId;
    }

    /** Receives up to {@code maxMessages} (1-10, as on SQS) visible messages; never waits. */
    public synchronized List<Delivery> receive(int maxMessages) {
        requireAvailable();
        if (maxMessages < 1 || maxMessages > 10) {
            throw new IllegalArgumentException("maxMessages must be 1-10 (as on SQS), was: " + maxMessages);
        }
        Instant now = clock.instant();
        List<Delivery> batch = new ArrayList<>();
        Iterator<Message> iterator = messages.values().iterator();
        while (iterator.hasNext() && batch.size() < maxMessages) {
            Message message = iterator.next();
            if (message.visibleAt.isAfter(now)) {
                continue;
            }
            if (message.receiveCount >= maxReceiveCount) {
                // The redrive policy: SQS moves the message when a receive would exceed maxReceiveCount.
                iterator.remove();
                deadLetters.put(message.id, new DeadLetter(message.id, message.receiveCount, message.envelope));
                continue;
            }
            message.receiveCount++;
            message.receipt = UUID.randomUUID().toString();
            message.visibleAt = now.plus(visibilityTimeout);
            batch.add(new Delivery(message.id, message.receipt, message.receiveCount, message.envelope));
        }
        return batch;
    }

    /** Deletes a delivered message: it is done. */
    public synchronized void acknowledge(Delivery delivery) {
        requireAvailable();
        Message message = current(delivery);
        if (message != null) {
            messages.remove(message.id);
        }
    }

    @Override
    public synchronized void retryLater(Delivery delivery, Duration delay) {
        requireAvailable();
        Message message = current(delivery);
        if (message != null) {
            message.visibleAt = clock.instant().plus(delay);
        }
    }

    @Override
    public synchronized boolean deadLetter(Delivery delivery, String reason) {
        if (!available) {
            return false;
        }
        Message message = current(delivery);
        if (message == null) {
            return false;
        }
        deadLetters.put(
                message.id,
                new DeadLetter(
                        message.id, message.receiveCount, message.envelope.with(Envelope.DEAD_LETTER_REASON, reason)));
        messages.remove(message.id);
        return true;
    }

    @Override
    public synchronized QueueDepth depth() {
        requireAvailable();
        Instant now = clock.instant();
        long visible = messages.values().stream()
                .filter(m -> !m.visibleAt.isAfter(now))
                .count();
        return new QueueDepth(visible, messages.size() - visible, deadLetters.size());
    }

    @Override
    public synchronized int readAll(Consumer<DeadLetter> reader) {
        requireAvailable();
        List.copyOf(deadLetters.values()).forEach(reader);
        return deadLetters.size();
    }

    /** Every dead letter, in the order they arrived: they stay in the dead-letter queue. */
    public synchronized List<DeadLetter> deadLetters() {
        requireAvailable();
        return List.copyOf(deadLetters.values());
    }

    /** Moves every dead letter back at once, as new messages: the move is complete when this returns. */
    @Override
    public synchronized Optional<Redrive> startRedrive() {
        requireAvailable();
        if (deadLetters.isEmpty()) {
            return Optional.empty();
        }
        int moved = deadLetters.size();
        deadLetters.values().forEach(dead -> send(dead.envelope()));
        deadLetters.clear();
        String task = UUID.randomUUID().toString();
        redrives.put(task, new RedriveProgress(RedriveProgress.State.COMPLETED, moved, moved, Optional.empty()));
        return Optional.of(new Redrive(task, "in-memory dead-letter queue", "in-memory queue", moved));
    }

    @Override
    public synchronized Optional<RedriveProgress> progress(Redrive redrive) {
        requireAvailable();
        return Optional.ofNullable(redrives.get(redrive.task()));
    }

    private Message current(Delivery delivery) {
        Message message = messages.get(delivery.messageId());
        return message != null && delivery.receipt().equals(message.receipt) ? message : null;
    }

    private void requireAvailable() {
        if (!available) {
            throw new QueueUnavailableException("in-memory queue is unavailable");
        }
    }

    /** A message and its delivery state; guarded by the queue's lock. */
    private static final class Message {
        final String id;
        final Envelope envelope;
        int receiveCount;
        String receipt;
        Instant visibleAt;

        Message(String id, Envelope envelope, Instant visibleAt) {
            this.id = id;
            this.envelope = envelope;
            this.visibleAt = visibleAt;
        }
    }
}
