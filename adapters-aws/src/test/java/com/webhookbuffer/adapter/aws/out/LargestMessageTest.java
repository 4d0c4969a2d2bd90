package com.webhookbuffer.adapter.aws.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.EventId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The largest message the door can queue fits one SQS message of 1 MiB (the template's {@code MaximumMessageSize}),
 * counted as SQS counts it: the body's UTF-8 bytes, and for each attribute its name, its data type and its value.
 * The door takes bodies of strict UTF-8 only, so the queued body has as many bytes as the body received.
 */
class LargestMessageTest {

    private static final int SQS_LARGEST_MESSAGE = 1_048_576;

    @Test
    void theLargestAcceptedBodyWithTheLongestAttributesAndAReasonFitsOneMessage() {
        assertThat(sqsSize(largestDeadLetter())).isLessThanOrEqualTo(SQS_LARGEST_MESSAGE);
    }

    @Test
    void theLongestAttributesUseMostOfTheHeadroom() {
        // The limit is not cautious by accident: a larger MAX_BODY_BYTES_LIMIT would not fit.
        assertThat(SQS_LARGEST_MESSAGE - sqsSize(largestDeadLetter())).isBetween(0, 1024);
    }

    /**
     * The largest message the worker can send: the largest accepted body, every attribute at its longest, and the
     * reason a dead letter moved by the worker carries, three bytes a character (the most UTF-8 takes per char of a
     * Java string: a four-byte character is two chars).
     */
    private static Envelope largestDeadLetter() {
        QueuedWebhook largest = new QueuedWebhook(
                SourceName.of("s".repeat(SourceName.MAX_LENGTH)),
                WebhookId.of("w".repeat(WebhookId.MAX_LENGTH)),
                Optional.of(EventId.of("e".repeat(EventId.MAX_LENGTH))),
                Instant.parse("2026-12-31T23:59:59.999999999Z"),
                CorrelationId.of("c".repeat(CorrelationId.MAX_LENGTH)),
                "x".repeat(IngestSettings.MAX_BODY_BYTES_LIMIT));
        return Envelope.of(largest).with(Envelope.DEAD_LETTER_REASON, DeadLetter.shortened("€".repeat(5_000)));
    }

    private static int sqsSize(Envelope envelope) {
        int size = utf8(envelope.body());
        for (Map.Entry<String, String> attribute : envelope.attributes().entrySet()) {
            size += utf8(attribute.getKey()) + utf8("String") + utf8(attribute.getValue());
        }
        return size;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
