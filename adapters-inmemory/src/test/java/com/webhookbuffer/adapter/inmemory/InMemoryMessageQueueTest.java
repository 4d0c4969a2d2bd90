package com.webhookbuffer.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.port.out.MessageQueueContract;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import com.webhookbuffer.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryMessageQueueTest extends MessageQueueContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T14:00:00Z"));

    @Override
    protected MessageQueue newQueue() {
        return new InMemoryMessageQueue(clock, VISIBILITY_TIMEOUT, MAX_RECEIVE_COUNT);
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void anUnavailableQueueTakesNothingAndSaysSo() {
        InMemoryMessageQueue inMemory = (InMemoryMessageQueue) queue;
        inMemory.setAvailable(false);

        assertThat(queue.publish(webhook("msg_1"))).isInstanceOf(PublishOutcome.Unavailable.class);
        assertThatExceptionOfType(QueueUnavailableException.class).isThrownBy(() -> queue.receive(1, Duration.ZERO));

        inMemory.setAvailable(true);
        assertThat(queue.depth().visible()).isZero();
    }

    @Test
    void aStaleReceiptSettlesNothing() {
        queue.publish(webhook("msg_1"));
        var first = queue.receive(1, Duration.ZERO).getFirst();
        clock.advance(VISIBILITY_TIMEOUT);
        var second = queue.receive(1, Duration.ZERO).getFirst();

        queue.acknowledge(first);
        assertThat(queue.depth().inFlight()).isEqualTo(1);
        queue.acknowledge(second);
        assertThat(queue.depth().isDrained()).isTrue();
    }
}
