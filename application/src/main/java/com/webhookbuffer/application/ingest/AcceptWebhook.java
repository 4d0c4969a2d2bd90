package com.webhookbuffer.application.ingest;

import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.reading.PayloadReading;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Use case: accept a webhook. The checks run cheapest first (size, media type, signature, parse, validate), so an
 * unauthenticated sender never costs us a JSON parse, and only a message the queue acknowledged is
 * {@link AcceptOutcome.Accepted}.
 */
public final class AcceptWebhook implements WebhookInbox {

    private final IngestSettings settings;
    private final SignatureVerifier verifier;
    private final PayloadReader payloadReader;
    private final MessageQueue queue;
    private final Clock clock;

    public AcceptWebhook(IngestSettings settings, PayloadReader payloadReader, MessageQueue queue, Clock clock) {
        this(settings, settings::secrets, payloadReader, queue, clock);
    }

    /**
     * @param secrets the signing secrets in force, asked at every request (they may rotate while the function
     *                runs); {@code settings.secrets()} is then only what was in force at start
     */
    public AcceptWebhook(IngestSettings settings, Supplier<List<WebhookSecret>> secrets, PayloadReader payloadReader,
            MessageQueue queue, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.payloadReader = Objects.requireNonNull(payloadReader, "payloadReader must not be null");
        this.queue = Objects.requireNonNull(queue, "queue must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.verifier = new SignatureVerifier(secrets, settings.timestampTolerance(), clock);
    }

    @Override
    public AcceptOutcome accept(IncomingWebhook webhook) {
        byte[] body = webhook.body();
        if (body.length > settings.maxBodyBytes()) {
            return new AcceptOutcome.PayloadTooLarge(settings.maxBodyBytes(), body.length);
        }
        if (!JsonMediaType.accepts(webhook.contentType())) {
            return new AcceptOutcome.UnsupportedMediaType(webhook.contentType());
        }
        SignatureCheck check = verifier.verify(
                webhook.webhookId(), webhook.webhookTimestamp(), webhook.webhookSignature(), body);
        if (check != SignatureCheck.AUTHENTIC) {
            return new AcceptOutcome.Unauthenticated(check.description());
        }
        String json;
        switch (payloadReader.read(body)) {
            case PayloadReading.Invalid invalid -> {
                return new AcceptOutcome.InvalidPayload(invalid.violations(), invalid.stoppedEarly());
            }
            case PayloadReading.Valid valid -> json = valid.json();
        }
        QueuedWebhook queued = new QueuedWebhook(
                WebhookId.of(webhook.webhookId()),
                clock.instant(),
                webhook.correlationId(),
                json);
        return switch (queue.publish(queued)) {
            case PublishOutcome.Published published ->
                    new AcceptOutcome.Accepted(queued.webhookId(), published.messageId());
            case PublishOutcome.Unavailable unavailable ->
                    new AcceptOutcome.QueueUnavailable(settings.retryAfter(), unavailable.reason());
        };
    }
}
