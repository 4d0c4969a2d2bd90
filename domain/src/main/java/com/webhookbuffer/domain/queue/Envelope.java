package com.webhookbuffer.domain.queue;

import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.EventId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A queued webhook in the form every queue carries it: the payload as the message body and the metadata as string
 * attributes. Every {@link com.webhookbuffer.domain.port.out.MessageQueue} adapter uses this one encoding, so a
 * message published by one can be read by any other and by an operator with the aws CLI.
 *
 * <p>Attribute names follow SQS's rules (letters, digits, '-', '_', '.').
 */
public record Envelope(String body, Map<String, String> attributes) {

    public static final String WEBHOOK_ID = "webhookId";
    /** Absent on messages queued before sources existed: those came from the default source. */
    public static final String SOURCE = "source";
    /** Present only when the sender's platform names its events apart from its deliveries (Shopify). */
    public static final String EVENT_ID = "eventId";

    public static final String CORRELATION_ID = "correlationId";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String SCHEMA_VERSION = "schemaVersion";
    /** Set on a dead letter that the worker moved: why it can never succeed. */
    public static final String DEAD_LETTER_REASON = "deadLetterReason";

    /** Bumped when the body or the attributes change shape, so a worker can tell old messages from new. */
    public static final String CURRENT_SCHEMA_VERSION = "1";

    public Envelope {
        Objects.requireNonNull(body, "body must not be null");
        attributes = Map.copyOf(attributes);
    }

    public static Envelope of(QueuedWebhook webhook) {
        Map<String, String> attributes = new HashMap<>(Map.of(
                SOURCE, webhook.source().value(),
                WEBHOOK_ID, webhook.webhookId().value(),
                CORRELATION_ID, webhook.correlationId().value(),
                RECEIVED_AT, webhook.receivedAt().toString(),
                SCHEMA_VERSION, CURRENT_SCHEMA_VERSION));
        webhook.eventId().ifPresent(eventId -> attributes.put(EVENT_ID, eventId.value()));
        return new Envelope(webhook.payload(), attributes);
    }

    /** This envelope with one more attribute, e.g. the reason it was dead-lettered. */
    public Envelope with(String name, String value) {
        var copy = new HashMap<>(attributes);
        copy.put(name, value);
        return new Envelope(body, copy);
    }

    /** Reads the queued webhook back; a message that is not one of ours, or is damaged, says why. */
    public Opened open() {
        String schema = attributes.get(SCHEMA_VERSION);
        if (!CURRENT_SCHEMA_VERSION.equals(schema)) {
            return new Opened.Unreadable("unsupported " + SCHEMA_VERSION + ": " + schema);
        }
        try {
            return new Opened.Readable(new QueuedWebhook(
                    attributes.containsKey(SOURCE) ? SourceName.of(attributes.get(SOURCE)) : SourceName.DEFAULT,
                    WebhookId.of(required(WEBHOOK_ID)),
                    Optional.ofNullable(attributes.get(EVENT_ID)).map(EventId::of),
                    Instant.parse(required(RECEIVED_AT)),
                    CorrelationId.of(required(CORRELATION_ID)),
                    body));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return new Opened.Unreadable("unreadable envelope: " + e.getMessage());
        }
    }

    private String required(String name) {
        String value = attributes.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing attribute " + name);
        }
        return value;
    }

    /** The result of {@link #open()}. */
    public sealed interface Opened {
        record Readable(QueuedWebhook webhook) implements Opened {}

        record Unreadable(String reason) implements Opened {}
    }
}
