package com.webhookbuffer.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.domain.queue.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceNameTest {

    @Test
    void aNameIsOneToThirtyTwoLowerCaseLettersDigitsOrHyphens() {
        assertThat(SourceName.of("shop").value()).isEqualTo("shop");
        assertThat(SourceName.of("woo-eu-2").value()).isEqualTo("woo-eu-2");
        assertThat(SourceName.of("a".repeat(32))).isNotNull();
        for (String refused :
                List.of("", "Shop", "shop_1", "shop.eu", "a".repeat(33), "shop/x", "%2e%2e", " shop", "ｓhop")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SourceName.of(refused))
                    .withMessageStartingWith("source name must be 1-32 characters of a-z, 0-9 and '-'");
        }
    }

    @Test
    void aRefusedNameIsShownShortAndVisibleOnly() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SourceName.of("a\nb" + "x".repeat(100)))
                .withMessageEndingWith("was: \"a?b" + "x".repeat(37) + "…\"");
    }

    @Test
    void aQueuedWebhookKeepsItsSourceThroughTheEnvelopeAndOldMessagesAreTheDefaultSources() {
        QueuedWebhook queued = new QueuedWebhook(
                SourceName.of("shop"),
                WebhookId.of("wh_1"),
                Instant.parse("2026-11-27T16:00:00Z"),
                CorrelationId.of("req-1"),
                "{}");

        Envelope envelope = Envelope.of(queued);
        assertThat(envelope.attributes()).containsEntry(Envelope.SOURCE, "shop");
        assertThat(envelope.open()).isEqualTo(new Envelope.Opened.Readable(queued));

        Map<String, String> before = new HashMap<>(envelope.attributes());
        before.remove(Envelope.SOURCE);
        assertThat(new Envelope("{}", before).open())
                .isInstanceOfSatisfying(
                        Envelope.Opened.Readable.class,
                        readable -> assertThat(readable.webhook().source()).isEqualTo(SourceName.DEFAULT));
        assertThat(envelope.with(Envelope.SOURCE, "Not A Name").open()).isInstanceOf(Envelope.Opened.Unreadable.class);
    }

    @Test
    void everyOutcomeHasOneOfTheListedLabels() {
        List<AcceptOutcome> outcomes = List.of(
                new AcceptOutcome.Accepted(WebhookId.of("wh"), "m"),
                new AcceptOutcome.InvalidPayload(List.of(new Violation("body", "is empty"))),
                new AcceptOutcome.Unauthenticated("x"),
                new AcceptOutcome.PayloadTooLarge(1, 2),
                new AcceptOutcome.UnsupportedMediaType(null),
                new AcceptOutcome.UnknownSource(),
                new AcceptOutcome.QueueUnavailable(Duration.ofSeconds(1), "down"),
                new AcceptOutcome.NothingToQueue("ping"));

        assertThat(outcomes).extracting(AcceptOutcome::label).containsExactlyElementsOf(AcceptOutcome.LABELS);
    }
}
