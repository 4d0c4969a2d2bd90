package com.webhookbuffer.application.ingest;

import com.webhookbuffer.application.port.out.PayloadTranslator;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.webhook.PlatformSecrets;
import com.webhookbuffer.domain.webhook.SourceKeys;
import com.webhookbuffer.domain.webhook.SourceKind;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The door of every source, assembled the same way on every platform: the default source's inbox (Standard
 * Webhooks, {@code WEBHOOK_SECRETS}) and one per named source, each with its kind's {@link SenderProtocol} and
 * {@link PayloadTranslator}, all publishing to one queue. The one place a {@link SourceKind} becomes behaviour.
 */
public final class SourceInboxes {

    private SourceInboxes() {}

    /**
     * @param defaultKeys the default source's keys in force, asked at every request
     * @param named       the named sources, by name
     * @param translators each kind's translator into the contract (the JSON adapter's)
     */
    public static WebhookInbox door(
            IngestSettings settings,
            Supplier<VerificationKeys> defaultKeys,
            Map<SourceName, NamedSource> named,
            Function<SourceKind, PayloadTranslator> translators,
            PayloadReader reader,
            MessageQueue queue,
            Clock clock,
            IngestMetrics metrics) {
        Map<SourceName, WebhookInbox> inboxes = new HashMap<>();
        inboxes.put(SourceName.DEFAULT, new AcceptWebhook(settings, defaultKeys, reader, queue, clock, metrics));
        named.forEach((name, source) -> inboxes.put(
                name,
                new AcceptWebhook(
                        settings,
                        protocol(source, settings, clock),
                        translators.apply(source.kind()),
                        reader,
                        queue,
                        clock,
                        metrics)));
        return new InboxBySource(inboxes, metrics);
    }

    private static SenderProtocol protocol(NamedSource source, IngestSettings settings, Clock clock) {
        Supplier<? extends SourceKeys> keys = source.keys();
        return switch (source.kind()) {
            case STANDARD_WEBHOOKS ->
                new StandardWebhooksProtocol(new SignatureVerifier(
                        () -> as(VerificationKeys.class, keys.get(), source.kind()),
                        settings.timestampTolerance(),
                        clock));
            case SHOPIFY -> new ShopifyProtocol(() -> as(PlatformSecrets.class, keys.get(), source.kind()));
            case WOOCOMMERCE -> new WooCommerceProtocol(() -> as(PlatformSecrets.class, keys.get(), source.kind()));
        };
    }

    /** A source's keys are parsed by its kind when read, so a mismatch here is a wiring mistake, not input. */
    private static <K extends SourceKeys> K as(Class<K> type, SourceKeys keys, SourceKind kind) {
        Objects.requireNonNull(keys, "keys must not be null");
        if (!type.isInstance(keys)) {
            throw new IllegalStateException("a " + kind.wireName() + " source needs " + type.getSimpleName()
                    + ", was given " + keys.getClass().getSimpleName());
        }
        return type.cast(keys);
    }
}
