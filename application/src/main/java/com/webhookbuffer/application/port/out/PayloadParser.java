package com.webhookbuffer.application.port.out;

import com.webhookbuffer.application.payload.WebhookPayload;

/**
 * Outbound port of the application: turns JSON text into a {@link WebhookPayload}, without judging its content.
 * It exists so the use cases can parse the signed body without depending on a JSON library; the adapter decides
 * how strict the syntax is (duplicate keys, trailing data, type coercion) and reports what it refused.
 */
public interface PayloadParser {

    ParsedPayload parse(String json);
}
