package com.webhookbuffer.adapter.json.woocommerce;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webhookbuffer.adapter.json.platform.PlatformJson;
import com.webhookbuffer.application.port.out.PayloadTranslator;
import com.webhookbuffer.application.port.out.Translation;

/**
 * WooCommerce's order webhooks (the REST v3 order, as {@code order.created}, {@code order.updated} and {@code
 * order.restored} deliver it) turned into this service's contract. Every input gets an answer, never an exception:
 * what cannot be translated is {@link Translation.Untranslatable}, naming WooCommerce's field
 * ({@code line_items[2].subtotal}) and the rule it breaks.
 *
 * <p>Integers are read exactly, whatever their size, and amounts from WooCommerce's decimal strings, never
 * through a {@code double}.
 */
public final class WooCommerceOrders implements PayloadTranslator {

    // PHP's json_encode never writes a key twice: a body that does is not WooCommerce's.
    private final JsonMapper mapper = PlatformJson.mapper();

    @Override
    public Translation translate(String topic, String json) {
        return switch (PlatformJson.readObject(mapper, json)) {
            case PlatformJson.Body.Refused refused -> refused.answer();
            case PlatformJson.Body.Read read -> translate(topic, read.object());
        };
    }

    private Translation translate(String topic, JsonNode order) {
        OrderMapping mapping = OrderMapping.of(order, topic);
        ObjectNode contract = mapping.toContract();
        if (contract == null) {
            return new Translation.Untranslatable(mapping.violations());
        }
        try {
            return new Translation.Translated(mapper.writeValueAsString(contract));
        } catch (JacksonException e) {
            throw new IllegalStateException("a tree of strings and numbers could not be written as JSON", e);
        }
    }
}
