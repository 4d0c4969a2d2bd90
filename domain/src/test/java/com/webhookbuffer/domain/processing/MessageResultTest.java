package com.webhookbuffer.domain.processing;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageResultTest {

    private static final Delivery DELIVERY = new Delivery(
            "m-7",
            "r-7",
            3,
            Envelope.of(new QueuedWebhook(WebhookId.of("wh_7"), Instant.EPOCH, CorrelationId.of("req-7"), "{}")));

    @Test
    void theLogLineNamesTheMessageTheWebhookAndTheOutcomeInThatOrder() {
        MessageResult written = new MessageResult(DELIVERY, ProcessingOutcome.WRITTEN, Settlement.ACKNOWLEDGE);

        assertThat(written.describe())
                .containsExactly(
                        entry("event", "webhook.processed"),
                        entry("messageId", "m-7"),
                        entry("correlationId", "req-7"),
                        entry("webhookId", "wh_7"),
                        entry("receiveCount", 3),
                        entry("outcome", "written"),
                        entry("returnedToQueue", false));
    }

    @Test
    void aFailureSaysWhyAndWhetherTheMessageComesBack() {
        MessageResult retry = new MessageResult(
                DELIVERY,
                new ProcessingOutcome.RetryLater("store down"),
                new Settlement.ReturnToQueue.AfterBackoff(Duration.ofSeconds(2)));
        MessageResult poison =
                new MessageResult(DELIVERY, new ProcessingOutcome.Poison("not JSON"), Settlement.DEAD_LETTERED);

        assertThat(retry.describe())
                .containsEntry("outcome", "retry-later")
                .containsEntry("returnedToQueue", true)
                .containsEntry("reason", "store down");
        assertThat(poison.describe())
                .containsEntry("outcome", "poison")
                .containsEntry("returnedToQueue", false)
                .containsEntry("reason", "not JSON");
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return Map.entry(key, value);
    }
}
