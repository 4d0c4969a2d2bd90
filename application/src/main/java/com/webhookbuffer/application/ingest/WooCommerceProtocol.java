package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.PlatformSecrets;
import com.webhookbuffer.domain.webhook.RequestHeaders;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WooCommerce's webhooks: {@code X-WC-Webhook-Signature} is the base64 HMAC-SHA256 of the raw body keyed with the
 * webhook's secret, {@code X-WC-Webhook-Delivery-ID} is the idempotency key and {@code X-WC-Webhook-Topic} says what
 * the delivery is about ({@code order.updated}).
 *
 * <p>WooCommerce sends no timestamp header, so there is no replay window: a replay of a delivery is caught by its
 * delivery id. The signature covers the body alone, not the headers: a signed body replayed under a new delivery
 * id or another topic is authentic here, and it is the order's version (its modification time) that makes the
 * worker treat it as stale.
 */
public final class WooCommerceProtocol implements SenderProtocol {

    public static final String SIGNATURE_HEADER = "X-WC-Webhook-Signature";
    public static final String DELIVERY_ID_HEADER = "X-WC-Webhook-Delivery-ID";
    public static final String TOPIC_HEADER = "X-WC-Webhook-Topic";

    /**
     * The topics whose body is the order itself. {@code order.deleted} is not among them: its body is only
     * {@code {"id": N}}, with no modification time to order it against the order's other deliveries.
     */
    static final Set<String> ORDER_TOPICS = Set.of("order.created", "order.updated", "order.restored");

    /** The body of {@code WC_Webhook::deliver_ping}: the webhook's id as a form field, nothing else. */
    private static final Pattern PING_BODY = Pattern.compile("webhook_id=([0-9]{1,20})");

    private static final int LONGEST_PING = "webhook_id=".length() + 20;
    /** Topics are short dotted names; anything else is not a header WooCommerce wrote. */
    private static final Pattern TOPIC_SHAPE = Pattern.compile("[!-~]{1,255}");

    private final Supplier<PlatformSecrets> secrets;

    /**
     * @param secrets the webhooks' secrets in force, asked at every request: where they rotate, the supplier
     *                decides how long to keep them
     */
    public WooCommerceProtocol(Supplier<PlatformSecrets> secrets) {
        this.secrets = Objects.requireNonNull(secrets, "secrets must not be null");
    }

    /**
     * WooCommerce's ping when a webhook is created or activated: an unsigned {@code webhook_id=<N>} form body, and
     * the webhook is disabled unless it hears 200. Anything signed, or any other body, is a delivery.
     */
    @Override
    public Optional<String> ping(RequestHeaders headers, byte[] body) {
        if (headers.has(SIGNATURE_HEADER) || body.length > LONGEST_PING) {
            return Optional.empty();
        }
        Matcher ping = PING_BODY.matcher(new String(body, StandardCharsets.US_ASCII));
        return ping.matches() ? Optional.of("WooCommerce ping for webhook " + ping.group(1)) : Optional.empty();
    }

    @Override
    public Authentication authenticate(RequestHeaders headers, byte[] body) {
        String signature = headers.value(SIGNATURE_HEADER);
        String deliveryId = headers.value(DELIVERY_ID_HEADER);
        String topic = headers.value(TOPIC_HEADER);
        if (signature == null) {
            return new Authentication.Refused(SIGNATURE_HEADER + " is missing");
        }
        if (deliveryId == null) {
            return new Authentication.Refused(DELIVERY_ID_HEADER + " is missing");
        }
        if (!WebhookId.isValid(deliveryId)) {
            return new Authentication.Refused(
                    DELIVERY_ID_HEADER + " must be 1-" + WebhookId.MAX_LENGTH + " visible ASCII characters");
        }
        if (topic == null) {
            return new Authentication.Refused(TOPIC_HEADER + " is missing");
        }
        if (!TOPIC_SHAPE.matcher(topic).matches()) {
            return new Authentication.Refused(TOPIC_HEADER + " must be 1-255 visible ASCII characters");
        }
        PlatformSignature.Check check = PlatformSignature.check(signature, secrets.get(), body);
        if (check != PlatformSignature.Check.MATCHES) {
            return new Authentication.Refused(SIGNATURE_HEADER
                    + (check == PlatformSignature.Check.MALFORMED
                            ? " is not the base64 of an HMAC-SHA256"
                            : " matches no secret"));
        }
        return ORDER_TOPICS.contains(topic)
                ? new Authentication.Authentic(WebhookId.of(deliveryId), Optional.empty(), topic)
                : new Authentication.NotAnOrder(topic);
    }

    /**
     * The header value WooCommerce sends for {@code body} under {@code secret} (its UTF-8 bytes, after WooCommerce's
     * own HTML-entity decoding): {@code base64_encode(hash_hmac('sha256', body, secret, true))}. Any key, even an
     * empty one, as a webhook created without a secret signs with.
     */
    public static String signature(byte[] secret, byte[] body) {
        return PlatformSignature.of(secret, body);
    }
}
