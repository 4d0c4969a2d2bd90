package com.webhookbuffer.bootstrap.lambda;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.slf4j.event.KeyValuePair;

/**
 * One log event as one flat JSON object per line: {@code time}, {@code level}, {@code logger}, {@code message},
 * then each SLF4J key-value pair as a field of its own ({@code correlationId}, {@code webhookId}, {@code outcome}),
 * which CloudWatch Logs Insights discovers without parsing. Logback's own JsonEncoder nests the pairs in a list.
 */
public final class FlatJsonEncoder extends EncoderBase<ILoggingEvent> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] NOTHING = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField(
                    "time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("message", event.getFormattedMessage());
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair pair : event.getKeyValuePairs()) {
                    writeValue(json, pair.key, pair.value);
                }
            }
            if (event.getThrowableProxy() != null) {
                json.writeStringField("error", ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a log line to memory failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator json, String key, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNullField(key);
            case Integer i -> json.writeNumberField(key, i);
            case Long l -> json.writeNumberField(key, l);
            case Boolean b -> json.writeBooleanField(key, b);
            default -> json.writeStringField(key, value.toString());
        }
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }
}
