package com.webhookbuffer.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.webhookbuffer.domain.port.out.MessageQueueContract;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import com.webhookbuffer.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryMessageQueueTest extends MessageQueueContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T14:00:00Z"));

    private InMemoryMessageQueue inMemory;

    @Override
    protected Queues newQueues() {
        inMemory = new InMemoryMessageQueue(clock, VISIBILITY_TIMEOUT, MAX_RECEIVE_COUNT);
        return new Queues(inMemory, inMemory, inMemory);
    }

    @Override
    protected List<Delivery> receive(int maxMessages, Duration wait) {
        return inMemory.receive(maxMessages);
    }

    @Override
    protected void acknowledge(Delivery delivery) {
        inMemory.acknowledge(delivery);
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void anUnavailableQueueTakesNothingAndSaysSo() {
        inMemory.setAvailable(false);

        assertThat(queue.publish(webhook("msg_1"))).isInstanceOf(PublishOutcome.Unavailable.class);
        assertThatExceptionOfType(QueueUnavailableException.class).isThrownBy(() -> inMemory.receive(1));

        inMemory.setAvailable(true);
        assertThat(inMemory.depth().visible()).isZero();
    }

    @Test
    void aStaleReceiptSettlesNothing() {
        queue.publish(webhook("msg_1"));
        var first = inMemory.receive(1).getFirst();
        clock.advance(VISIBILITY_TIMEOUT);
        var second = inMemory.receive(1).getFirst();

        inMemory.acknowledge(first);
        assertThat(inMemory.depth().inFlight()).isEqualTo(1);
        inMemory.acknowledge(second);
        assertThat(inMemory.depth().isDrained()).isTrue();
    }
}
