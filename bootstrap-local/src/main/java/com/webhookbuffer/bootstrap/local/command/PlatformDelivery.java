package com.webhookbuffer.bootstrap.local.command;

import com.webhookbuffer.application.ingest.ShopifyProtocol;
import com.webhookbuffer.application.ingest.WooCommerceProtocol;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A request as Shopify or WooCommerce delivers one: the body signed with the shared secret in the platform's own
 * header, with the headers that name the delivery and its topic. For {@code ./run-local send --source} and the
 * tests that play a platform; the headers are the ones the platforms document, not only those the door reads.
 */
public final class PlatformDelivery {

    private PlatformDelivery() {}

    /**
     * As Shopify delivers a webhook: the {@code X-Shopify-Webhook-Id} is the same on every retry of a delivery, the
     * {@code X-Shopify-Event-Id} the same for every subscription that hears one event.
     */
    public static HttpRequest.Builder shopify(
            URI uri, byte[] secret, String topic, String webhookId, String eventId, Instant triggeredAt, byte[] body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Hmac-Sha256", ShopifyProtocol.signature(secret, body))
                .header("X-Shopify-Shop-Domain", "webhook-buffer-local.myshopify.com")
                .header("X-Shopify-API-Version", "2025-10")
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Event-Id", eventId)
                .header("X-Shopify-Triggered-At", triggeredAt.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** As WooCommerce delivers a webhook: each delivery has its own {@code X-WC-Webhook-Delivery-ID}. */
    public static HttpRequest.Builder wooCommerce(
            URI uri, byte[] secret, String topic, String deliveryId, byte[] body) {
        int dot = topic.indexOf('.');
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-WC-Webhook-Source", "http://webhook-buffer.local/")
                .header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Resource", dot < 0 ? topic : topic.substring(0, dot))
                .header("X-WC-Webhook-Event", dot < 0 ? topic : topic.substring(dot + 1))
                .header("X-WC-Webhook-Signature", WooCommerceProtocol.signature(secret, body))
                .header("X-WC-Webhook-ID", "1")
                .header("X-WC-Webhook-Delivery-ID", deliveryId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A fresh delivery id, as a platform gives each new delivery. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
