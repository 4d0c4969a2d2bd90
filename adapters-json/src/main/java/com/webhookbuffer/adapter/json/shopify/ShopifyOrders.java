package com.webhookbuffer.adapter.json.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.webhookbuffer.adapter.json.platform.PlatformJson;
import com.webhookbuffer.application.port.out.PayloadTranslator;
import com.webhookbuffer.application.port.out.Translation;

/**
 * Translates a Shopify order webhook body (the order object itself) into the order contract; see
 * {@link ShopifyOrder} for how each field maps. Never throws: a body it cannot map is {@link
 * Translation.Untranslatable}, each violation naming Shopify's field ({@code line_items[2].price}).
 *
 * <p>Also takes the order wrapped as {@code {"order": {...}}}, the shape of Shopify's REST Admin examples, which are
 * the only published samples of one order at several moments (created, updated, cancelled): a body whose top level
 * has no {@code id} but an {@code order} object is read as that order.
 */
public final class ShopifyOrders implements PayloadTranslator {

    private final JsonMapper mapper;

    public ShopifyOrders() {
        this.mapper = PlatformJson.mapper();
    }

    @Override
    public Translation translate(String topic, String json) {
        return switch (PlatformJson.readObject(mapper, json)) {
            case PlatformJson.Body.Refused refused -> refused.answer();
            case PlatformJson.Body.Read read -> new ShopifyOrder(orderIn(read.object()), mapper).toContract(topic);
        };
    }

    private static JsonNode orderIn(JsonNode root) {
        JsonNode wrapped = root.get("order");
        return !root.has("id") && wrapped != null && wrapped.isObject() ? wrapped : root;
    }
}
