package com.webhookbuffer.adapter.json;

import com.webhookbuffer.adapter.json.shopify.ShopifyOrders;
import com.webhookbuffer.adapter.json.woocommerce.WooCommerceOrders;
import com.webhookbuffer.application.port.out.PayloadTranslator;
import com.webhookbuffer.domain.webhook.SourceKind;

/** Each source kind's translator into the contract: the one place a bootstrap finds them. */
public final class PlatformTranslators {

    private PlatformTranslators() {}

    public static PayloadTranslator of(SourceKind kind) {
        return switch (kind) {
            case STANDARD_WEBHOOKS -> PayloadTranslator.AS_SENT;
            case SHOPIFY -> new ShopifyOrders();
            case WOOCOMMERCE -> new WooCommerceOrders();
        };
    }
}
