package com.webhookbuffer.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final QueuedWebhook WEBHOOK = new QueuedWebhook(
            WebhookId.of("msg_1"), Instant.parse("2026-11-26T14:00:00.5Z"), CorrelationId.of("req-1"), "{\"a\":1}");

    @Test
    void queuedWebhookRoundTripsThroughItsEnvelope() {
        Envelope envelope = Envelope.of(WEBHOOK);

        assertThat(envelope.body()).isEqualTo("{\"a\":1}");
        assertThat(envelope.attributes())
                .containsOnlyKeys(
                        Envelope.SOURCE,
                        Envelope.WEBHOOK_ID,
                        Envelope.CORRELATION_ID,
                        Envelope.RECEIVED_AT,
                        Envelope.SCHEMA_VERSION);
        assertThat(envelope.open()).isEqualTo(new Envelope.Opened.Readable(WEBHOOK));
    }

    @Test
    void envelopeOfAnotherSchemaOrWithDamagedAttributesIsUnreadableWithAReason() {
        Map<String, String> attributes = new HashMap<>(Envelope.of(WEBHOOK).attributes());

        attributes.put(Envelope.SCHEMA_VERSION, "99");
        assertThat(new Envelope("{}", attributes).open())
                .isEqualTo(new Envelope.Opened.Unreadable("unsupported schemaVersion: 99"));

        attributes.put(Envelope.SCHEMA_VERSION, Envelope.CURRENT_SCHEMA_VERSION);
        attributes.remove(Envelope.WEBHOOK_ID);
        assertThat(new Envelope("{}", attributes).open())
                .isEqualTo(new Envelope.Opened.Unreadable("unreadable envelope: missing attribute webhookId"));

        attributes.put(Envelope.WEBHOOK_ID, "msg_1");
        attributes.put(Envelope.RECEIVED_AT, "yesterday");
        assertThat(new Envelope("{}", attributes).open()).isInstanceOf(Envelope.Opened.Unreadable.class);

        assertThat(new Envelope("", Envelope.of(WEBHOOK).attributes()).open())
                .isEqualTo(new Envelope.Opened.Unreadable("unreadable envelope: payload must not be empty"));
    }

    @Test
    void deadLetterReasonTravelsAsAnAttribute() {
        Envelope envelope = Envelope.of(WEBHOOK).with(Envelope.DEAD_LETTER_REASON, "poison");

        assertThat(new DeadLetter("m-1", 1, envelope).reason()).contains("poison");
        assertThat(new DeadLetter("m-1", 1, Envelope.of(WEBHOOK)).reason()).isEmpty();
        assertThat(envelope.open()).isEqualTo(new Envelope.Opened.Readable(WEBHOOK));
    }
}
