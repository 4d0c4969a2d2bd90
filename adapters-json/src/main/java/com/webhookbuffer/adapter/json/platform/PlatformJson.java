package com.webhookbuffer.adapter.json.platform;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.webhookbuffer.application.port.out.Translation;
import com.webhookbuffer.domain.webhook.Violation;
import java.util.List;

/**
 * How every platform translator reads a body: one strictness, one answer for a body that is not JSON and one for
 * JSON that is not an object.
 */
public final class PlatformJson {

    private PlatformJson() {}

    /**
     * A reader that takes no key twice (two readers could each take a different one of its values), no trailing
     * data, and reads every number exactly: platforms' ids pass 2^53 (Shopify's 820982911946154508) and must never
     * go through a {@code double}. Jackson's own limits on nesting and number length stay in force.
     */
    public static JsonMapper mapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /**
     * The answer to a body Jackson could not read: where it broke, not Jackson's message, which may quote the body
     * at length.
     */
    public static Translation.Untranslatable notJson(JacksonException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return new Translation.Untranslatable(List.of(new Violation("body", "is not valid JSON" + where)));
    }

    /** A body read as a JSON object, or the answer to one that is not. */
    public sealed interface Body {

        /** The body's top-level object. */
        record Read(JsonNode object) implements Body {}

        /** Not JSON, or JSON of another shape: the answer, naming the body. */
        record Refused(Translation.Untranslatable answer) implements Body {}
    }

    /** Reads {@code json} with {@code mapper}, which must be {@link #mapper()}'s, as a platform's order object. */
    public static Body readObject(JsonMapper mapper, String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            return new Body.Refused(notJson(e));
        }
        if (root == null || !root.isObject()) {
            return new Body.Refused(
                    new Translation.Untranslatable(List.of(new Violation("body", "must be a JSON object"))));
        }
        return new Body.Read(root);
    }
}
