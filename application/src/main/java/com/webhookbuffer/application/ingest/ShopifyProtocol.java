package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.EventId;
import com.webhookbuffer.domain.webhook.PlatformSecrets;
import com.webhookbuffer.domain.webhook.RequestHeaders;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Shopify's webhooks: {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of the raw body keyed with the app's
 * client secret, {@code X-Shopify-Webhook-Id} the idempotency key, {@code X-Shopify-Event-Id} the event's own id and
 * {@code X-Shopify-Topic} what the delivery is about. Shopify's newer event deliveries use the same names without
 * the {@code X-} prefix ({@code shopify-hmac-sha256}, as Shopify/shopify-app-js's {@code ShopifyEventsHeader} lists
 * them); the prefixed name is read first. Only the order topics are stored; any other topic, the mandatory privacy
 * topics included, is answered 200 with nothing queued, but only once its signature verified: Shopify requires 401
 * for a bad HMAC.
 *
 * <p>There is no replay window on {@code X-Shopify-Triggered-At}: Shopify retries a failed delivery 8 times over
 * 4 hours with the original payload and headers (shopify.dev changelog "Updates to webhook retry mechanism",
 * effective 2024-09-10), so a window shorter than that would refuse Shopify's own retries. A replay is caught by
 * its webhook id, which the store keeps.
 */
public final class ShopifyProtocol implements SenderProtocol {

    /** The topics about orders; {@code orders/create} is the order's first event, the others update it. */
    public static final Set<String> ORDER_TOPICS =
            Set.of("orders/create", "orders/updated", "orders/paid", "orders/fulfilled", "orders/cancelled");

    static final String HMAC_HEADER = "X-Shopify-Hmac-Sha256";
    static final String WEBHOOK_ID_HEADER = "X-Shopify-Webhook-Id";
    static final String EVENT_ID_HEADER = "X-Shopify-Event-Id";
    static final String TOPIC_HEADER = "X-Shopify-Topic";

    private static final String PREFIX = "X-";

    private final Supplier<PlatformSecrets> secrets;

    /**
     * @param secrets the app's client secrets in force, asked at every request: where they rotate, the supplier
     *                decides how long to keep them
     */
    public ShopifyProtocol(Supplier<PlatformSecrets> secrets) {
        this.secrets = Objects.requireNonNull(secrets, "secrets must not be null");
    }

    @Override
    public Authentication authenticate(RequestHeaders headers, byte[] body) {
        String signature = header(headers, HMAC_HEADER);
        if (signature == null) {
            return refused("missing " + HMAC_HEADER);
        }
        PlatformSignature.Check check = PlatformSignature.check(signature, secrets.get(), body);
        if (check != PlatformSignature.Check.MATCHES) {
            return refused(HMAC_HEADER
                    + (check == PlatformSignature.Check.MALFORMED
                            ? " is not the base64 of a 32-byte HMAC-SHA256"
                            : " matches no secret in force"));
        }
        String webhookId = header(headers, WEBHOOK_ID_HEADER);
        if (webhookId == null) {
            return refused("missing " + WEBHOOK_ID_HEADER);
        }
        if (!WebhookId.isValid(webhookId)) {
            return refused(WEBHOOK_ID_HEADER + " must be 1-" + WebhookId.MAX_LENGTH + " visible ASCII characters");
        }
        String topic = header(headers, TOPIC_HEADER);
        if (topic == null) {
            return refused("missing " + TOPIC_HEADER);
        }
        if (!ORDER_TOPICS.contains(topic)) {
            return new Authentication.NotAnOrder(topic);
        }
        return new Authentication.Authentic(WebhookId.of(webhookId), eventId(headers), topic);
    }

    /**
     * The {@value #HMAC_HEADER} value Shopify sends for {@code body} signed with {@code secret}, so that senders
     * and tests sign exactly as this protocol verifies. An empty secret is a key like any other here.
     */
    public static String signature(byte[] secret, byte[] body) {
        return PlatformSignature.of(secret, body);
    }

    /** The event id is for the operator's eyes only; a missing or odd one is no reason to refuse a delivery. */
    private static Optional<EventId> eventId(RequestHeaders headers) {
        String value = header(headers, EVENT_ID_HEADER);
        return EventId.isValid(value) ? Optional.of(EventId.of(value)) : Optional.empty();
    }

    /** The header under its {@code X-Shopify-} name, else under the unprefixed name of Shopify's event headers. */
    private static String header(RequestHeaders headers, String prefixedName) {
        String value = headers.value(prefixedName);
        return value != null ? value : headers.value(prefixedName.substring(PREFIX.length()));
    }

    private static Authentication.Refused refused(String reason) {
        return new Authentication.Refused(reason);
    }
}
