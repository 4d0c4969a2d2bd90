package com.webhookbuffer.domain.processing;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchReportTest {

    private static Delivery delivery(String messageId) {
        return new Delivery(
                messageId,
                "r-" + messageId,
                1,
                Envelope.of(
                        new QueuedWebhook(WebhookId.of(messageId), Instant.EPOCH, CorrelationId.of("req-1"), "{}")));
    }

    @Test
    void splitsTheBatchIntoWhatReturnsToTheQueueAndWhatIsDoneInTheBatchsOrder() {
        MessageResult written = new MessageResult(delivery("m-1"), ProcessingOutcome.WRITTEN, Settlement.ACKNOWLEDGE);
        MessageResult retry = new MessageResult(
                delivery("m-2"),
                new ProcessingOutcome.RetryLater("store down"),
                new Settlement.ReturnToQueue.AfterBackoff(Duration.ofSeconds(4)));
        MessageResult poison =
                new MessageResult(delivery("m-3"), new ProcessingOutcome.Poison("bad"), Settlement.DEAD_LETTERED);
        MessageResult duplicate =
                new MessageResult(delivery("m-4"), ProcessingOutcome.DUPLICATE, Settlement.ACKNOWLEDGE);
        MessageResult later = new MessageResult(
                delivery("m-5"),
                new ProcessingOutcome.RetryLater("timeout"),
                Settlement.ReturnToQueue.AFTER_VISIBILITY_TIMEOUT);

        BatchReport report = new BatchReport(List.of(written, retry, poison, duplicate, later));

        assertThat(report.returnedToQueue()).containsExactly(retry.delivery(), later.delivery());
        assertThat(report.acknowledged()).containsExactly(written.delivery(), duplicate.delivery());
        assertThat(retry.returnsToQueue()).isTrue();
        assertThat(written.returnsToQueue()).isFalse();
        assertThat(poison.returnsToQueue()).isFalse();
    }

    @Test
    void outcomesHaveTheirLowerCaseLabels() {
        assertThat(ProcessingOutcome.WRITTEN.label()).isEqualTo("written");
        assertThat(ProcessingOutcome.DUPLICATE.label()).isEqualTo("duplicate");
        assertThat(ProcessingOutcome.STALE.label()).isEqualTo("stale");
        assertThat(new ProcessingOutcome.RetryLater("x").label()).isEqualTo("retry-later");
        assertThat(new ProcessingOutcome.StoreUnavailable("x").label()).isEqualTo("store-unavailable");
        assertThat(new ProcessingOutcome.Poison("x").label()).isEqualTo("poison");
    }
}
