package com.webhookbuffer.adapter.azure.message;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.webhookbuffer.domain.queue.Envelope;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link Envelope} as an Azure Storage queue message carries it. Azure messages have no attributes, so the text
 * is a small JSON document: {@code {"attributes":{...},"body":"..."}}. A message holds at most 64 KiB (Base64
 * included), less than a body the door accepts: a body over {@link #MAX_INLINE_BYTES} is stored as a blob and the
 * message names it instead ({@code "bodyBlob":"..."}, the claim-check pattern). Read back, such an envelope keeps the
 * blob's name as the attribute {@link #BODY_BLOB}, so it can be moved (to the poison queue, back again) without a
 * second copy of its body, and {@link #release released} once settled.
 */
public final class AzureMessages {

    /** 64 KiB once Base64-encoded. */
    public static final int MAX_INLINE_BYTES = 48 * 1024;
    /** Set on an envelope whose body is kept as a blob: the blob's name. */
    public static final String BODY_BLOB = "bodyBlob";

    private static final JsonFactory JSON = new JsonFactory();

    private final BlobContainerClient bodies;

    AzureMessages(BlobContainerClient bodies) {
        this.bodies = Objects.requireNonNull(bodies, "bodies must not be null");
    }

    /** What a message's text holds. */
    public sealed interface Read {
        /** The envelope, its body fetched from its blob if it had one. */
        record Stored(Envelope envelope) implements Read {}

        /**
         * Its body's blob is gone. Blobs are deleted only once their message was settled, so this is a message
         * delivered again after it succeeded (its deletion was lost): nothing is left to do.
         */
        record AlreadySettled(String blob) implements Read {}
    }

    /** The text of a message carrying {@code envelope}; a large body is stored as a blob first. */
    public String write(Envelope envelope) {
        Map<String, String> attributes = new HashMap<>(envelope.attributes());
        String blob = attributes.remove(BODY_BLOB);
        if (blob == null && envelope.body().getBytes(StandardCharsets.UTF_8).length > MAX_INLINE_BYTES) {
            blob = UUID.randomUUID().toString();
            bodies.getBlobClient(blob).upload(BinaryData.fromString(envelope.body()));
        }
        String reference = blob;
        return json(out -> {
            out.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                out.writeStringField(attribute.getKey(), attribute.getValue());
            }
            out.writeEndObject();
            if (reference == null) {
                out.writeStringField("body", envelope.body());
            } else {
                out.writeStringField(BODY_BLOB, reference);
            }
        });
    }

    /**
     * The envelope a message's text carries. Text that is not ours (another producer's, or damaged) becomes an
     * envelope without attributes, which opens as unreadable with its reason, as on every other queue.
     */
    public Read read(String text) {
        Parsed parsed = parse(text);
        if (parsed == null) {
            return new Read.Stored(new Envelope(text, Map.of()));
        }
        if (parsed.blob() == null) {
            return new Read.Stored(new Envelope(parsed.body(), parsed.attributes()));
        }
        Map<String, String> attributes = new HashMap<>(parsed.attributes());
        attributes.put(BODY_BLOB, parsed.blob());
        try {
            return new Read.Stored(new Envelope(
                    bodies.getBlobClient(parsed.blob()).downloadContent().toString(), attributes));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return new Read.AlreadySettled(parsed.blob());
            }
            throw e;
        }
    }

    /** Deletes the blob of a settled envelope's body, if it has one; what is already gone is fine. */
    public void release(Envelope envelope) {
        delete(envelope.attributes().get(BODY_BLOB));
    }

    /** Deletes the blob a message text names, if any: for a message written but never sent. */
    public void release(String text) {
        Parsed parsed = parse(text);
        delete(parsed == null ? null : parsed.blob());
    }

    private void delete(String blob) {
        if (blob != null) {
            bodies.getBlobClient(blob).deleteIfExists();
        }
    }

    /** A message text's parts; {@code body} or {@code blob} is null. */
    private record Parsed(Map<String, String> attributes, String body, String blob) {}

    /** Null when the text is not one of ours. */
    private static Parsed parse(String text) {
        Map<String, String> attributes = new HashMap<>();
        String body = null;
        String blob = null;
        try (JsonParser in = JSON.createParser(text)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                if (field.equals("attributes") && value == JsonToken.START_OBJECT) {
                    while (in.nextToken() == JsonToken.FIELD_NAME) {
                        String name = in.currentName();
                        if (in.nextToken() == JsonToken.VALUE_STRING) {
                            attributes.put(name, in.getText());
                        } else {
                            in.skipChildren();
                        }
                    }
                } else if (field.equals("body") && value == JsonToken.VALUE_STRING) {
                    body = in.getText();
                } else if (field.equals(BODY_BLOB) && value == JsonToken.VALUE_STRING) {
                    blob = in.getText();
                } else {
                    in.skipChildren();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return body == null && blob == null ? null : new Parsed(attributes, body, blob);
    }

    private interface Writer {
        void write(JsonGenerator out) throws IOException;
    }

    private static String json(Writer writer) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            writer.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a message could not be written as JSON", e);
        }
        return text.toString();
    }
}
