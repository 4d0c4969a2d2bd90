package com.webhookbuffer.application.ingest;

import com.webhookbuffer.application.port.out.PayloadTranslator;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.reading.PayloadReading;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Use case: accept a webhook. The checks run cheapest first (size, a platform's ping, media type, signature, then
 * translation, parse and validation), so an unauthenticated sender never costs us a JSON parse, and only a message
 * the queue acknowledged is {@link AcceptOutcome.Accepted}. The source's {@link SenderProtocol} says how its requests are signed and named,
 * and its {@link PayloadTranslator} turns its body into the contract that is judged and queued.
 */
public final class AcceptWebhook implements WebhookInbox {

    private final IngestSettings settings;
    private final SenderProtocol protocol;
    private final PayloadTranslator translator;
    private final PayloadReader payloadReader;
    private final MessageQueue queue;
    private final Clock clock;
    private final IngestMetrics metrics;

    public AcceptWebhook(IngestSettings settings, PayloadReader payloadReader, MessageQueue queue, Clock clock) {
        this(settings, settings::keys, payloadReader, queue, clock, IngestMetrics.NONE);
    }

    /** Rotating keys, metrics off. */
    public AcceptWebhook(
            IngestSettings settings,
            Supplier<VerificationKeys> keys,
            PayloadReader payloadReader,
            MessageQueue queue,
            Clock clock) {
        this(settings, keys, payloadReader, queue, clock, IngestMetrics.NONE);
    }

    /**
     * A Standard Webhooks source.
     *
     * @param keys    the signing secrets and public keys in force, asked at every request (they may rotate while
     *                the function runs); {@code settings.keys()} is then only what was in force at start
     * @param metrics told of every answer, and of how long the queue took when it was asked
     */
    public AcceptWebhook(
            IngestSettings settings,
            Supplier<VerificationKeys> keys,
            PayloadReader payloadReader,
            MessageQueue queue,
            Clock clock,
            IngestMetrics metrics) {
        this(
                settings,
                new StandardWebhooksProtocol(new SignatureVerifier(keys, settings.timestampTolerance(), clock)),
                PayloadTranslator.AS_SENT,
                payloadReader,
                queue,
                clock,
                metrics);
    }

    /**
     * @param protocol   how the source signs and names its deliveries
     * @param translator how its body becomes the contract ({@link PayloadTranslator#AS_SENT} for Standard Webhooks)
     * @param metrics    told of every answer, and of how long the queue took when it was asked
     */
    public AcceptWebhook(
            IngestSettings settings,
            SenderProtocol protocol,
            PayloadTranslator translator,
            PayloadReader payloadReader,
            MessageQueue queue,
            Clock clock,
            IngestMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.protocol = Objects.requireNonNull(protocol, "protocol must not be null");
        this.translator = Objects.requireNonNull(translator, "translator must not be null");
        this.payloadReader = Objects.requireNonNull(payloadReader, "payloadReader must not be null");
        this.queue = Objects.requireNonNull(queue, "queue must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
    }

    @Override
    public AcceptOutcome accept(IncomingWebhook webhook) {
        Answered answered = answer(webhook);
        try {
            metrics.answered(answered.outcome(), answered.publishLatency());
        } catch (RuntimeException e) {
            // Watching the door must never close it: the answer stands whatever the metrics did.
        }
        return answered.outcome();
    }

    private Answered answer(IncomingWebhook webhook) {
        byte[] body = webhook.body();
        if (body.length > settings.maxBodyBytes()) {
            return refused(new AcceptOutcome.PayloadTooLarge(settings.maxBodyBytes(), body.length));
        }
        Optional<String> ping = protocol.ping(webhook.headers(), body);
        if (ping.isPresent()) {
            return refused(new AcceptOutcome.NothingToQueue(ping.get()));
        }
        if (!JsonMediaType.accepts(webhook.contentType())) {
            return refused(new AcceptOutcome.UnsupportedMediaType(webhook.contentType()));
        }
        Authentication.Authentic authentic;
        switch (protocol.authenticate(webhook.headers(), body)) {
            case Authentication.Refused refusal -> {
                return refused(new AcceptOutcome.Unauthenticated(refusal.reason()));
            }
            case Authentication.NotAnOrder other -> {
                return refused(new AcceptOutcome.NothingToQueue("topic " + other.topic() + " is not about an order"));
            }
            case Authentication.Authentic a -> authentic = a;
        }
        String json;
        switch (payloadReader.read(body, translator, authentic.topic())) {
            case PayloadReading.Invalid invalid -> {
                return refused(new AcceptOutcome.InvalidPayload(invalid.violations(), invalid.stoppedEarly()));
            }
            case PayloadReading.Valid valid -> json = valid.json();
        }
        QueuedWebhook queued = new QueuedWebhook(
                webhook.source(),
                authentic.webhookId(),
                authentic.eventId(),
                clock.instant(),
                webhook.correlationId(),
                json);
        long publishing = System.nanoTime();
        PublishOutcome published = queue.publish(queued);
        Optional<Duration> publishLatency = Optional.of(Duration.ofNanos(System.nanoTime() - publishing));
        return new Answered(
                switch (published) {
                    case PublishOutcome.Published p -> new AcceptOutcome.Accepted(queued.webhookId(), p.messageId());
                    case PublishOutcome.Unavailable unavailable ->
                        new AcceptOutcome.QueueUnavailable(settings.retryAfter(), unavailable.reason());
                },
                publishLatency);
    }

    private static Answered refused(AcceptOutcome outcome) {
        return new Answered(outcome, Optional.empty());
    }

    /** An answer, and how long the queue took when it was asked. */
    private record Answered(AcceptOutcome outcome, Optional<Duration> publishLatency) {}
}
