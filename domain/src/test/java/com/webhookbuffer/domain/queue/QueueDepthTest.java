package com.webhookbuffer.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueueDepthTest {

    @Test
    void depthsOfZeroAreAllowedButNoneBelow() {
        assertThat(new QueueDepth(0, 0, 0).isDrained()).isTrue();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QueueDepth(-1, 0, 0))
                .withMessage("queue depths must be >= 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QueueDepth(0, -1, 0))
                .withMessage("queue depths must be >= 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QueueDepth(0, 0, -1))
                .withMessage("queue depths must be >= 0");
    }

    @Test
    void drainedMeansNothingWaitingAndNothingInFlightWhateverTheDeadLetters() {
        assertThat(new QueueDepth(0, 0, 5).isDrained()).isTrue();
        assertThat(new QueueDepth(1, 0, 0).isDrained()).isFalse();
        assertThat(new QueueDepth(0, 1, 0).isDrained()).isFalse();
        assertThat(new QueueDepth(1, 1, 0).isDrained()).isFalse();
    }

    @Test
    void aFirstDeliveryHasReceiveCountOneAndNoneHasZero() {
        Envelope envelope =
                Envelope.of(new QueuedWebhook(WebhookId.of("msg_1"), Instant.EPOCH, CorrelationId.of("req-1"), "{}"));

        assertThat(new Delivery("m-1", "r-1", 1, envelope).receiveCount()).isEqualTo(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Delivery("m-1", "r-1", 0, envelope))
                .withMessage("receiveCount must be >= 1, was: 0");
    }
}
