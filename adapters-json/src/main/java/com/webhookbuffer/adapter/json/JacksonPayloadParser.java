package com.webhookbuffer.adapter.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.webhookbuffer.application.payload.WebhookPayload;
import com.webhookbuffer.application.port.out.ParsedPayload;
import com.webhookbuffer.application.port.out.PayloadParser;
import com.webhookbuffer.domain.webhook.Violation;

/**
 * Reads a webhook body with Jackson, strictly: duplicate keys, trailing data and a top level that is not an object
 * are refused, and no value changes type on the way in (no {@code "2"} for 2, no {@code 1.5} truncated to 1, no
 * number turned into a price string). Unknown fields are ignored, as the contract says.
 */
public final class JacksonPayloadParser implements PayloadParser {

    private final ObjectReader reader;

    public JacksonPayloadParser() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        this.reader = mapper.readerFor(WebhookPayload.class);
    }

    @Override
    public ParsedPayload parse(String json) {
        if (!json.stripLeading().startsWith("{")) {
            return malformed("body", "must be a JSON object");
        }
        try {
            WebhookPayload payload = reader.readValue(json);
            return new ParsedPayload.Parsed(payload);
        } catch (JsonMappingException e) {
            String field = fieldOf(e);
            return malformed(
                    field,
                    field.equals("body") ? "is not valid JSON: " + e.getOriginalMessage() : "has the wrong JSON type");
        } catch (JacksonException e) {
            return malformed("body", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static ParsedPayload malformed(String field, String message) {
        return new ParsedPayload.Malformed(new Violation(field, message));
    }

    /** The JSON path of a mapping failure, in the validator's style: {@code data.items[0].quantity}. */
    private static String fieldOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
