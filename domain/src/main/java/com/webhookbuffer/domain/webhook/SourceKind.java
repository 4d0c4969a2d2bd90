package com.webhookbuffer.domain.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The protocol a source speaks: how its requests are signed, which header carries the idempotency key and what its
 * body looks like. The default source ({@code POST /webhooks}) always speaks Standard Webhooks.
 */
public enum SourceKind {

    /** Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code v1}/{@code v1a} signatures. */
    STANDARD_WEBHOOKS("standard-webhooks"),

    /** Shopify: {@code X-Shopify-Hmac-Sha256} with the app's client secret, Shopify's order JSON. */
    SHOPIFY("shopify"),

    /** WooCommerce: {@code X-WC-Webhook-Signature} with the webhook's secret, WooCommerce's order JSON. */
    WOOCOMMERCE("woocommerce");

    /** The wire names, for messages that list what is allowed. */
    public static final String WIRE_NAMES = "standard-webhooks, shopify, woocommerce";

    private final String wireName;

    SourceKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SourceKind> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
    }
}
