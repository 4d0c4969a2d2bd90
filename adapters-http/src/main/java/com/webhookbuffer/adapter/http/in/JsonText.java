package com.webhookbuffer.adapter.http.in;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Small JSON documents (answers, log lines) written with Jackson's streaming generator: escaping done right. */
final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {}

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** An object whose fields {@code body} writes. */
    static String object(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed", e);
        }
        return out.toString();
    }
}
