package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.SourceKeys;
import com.webhookbuffer.domain.webhook.SourceKind;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A source an operator configured beside the default one: the protocol it speaks and the keys in force for it,
 * asked at every request (where they rotate, the supplier decides how long to keep them).
 */
public record NamedSource(SourceKind kind, Supplier<? extends SourceKeys> keys) {

    public NamedSource {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(keys, "keys must not be null");
    }

    /** Keys that never change. */
    public static NamedSource fixed(SourceKind kind, SourceKeys keys) {
        Objects.requireNonNull(keys, "keys must not be null");
        return new NamedSource(kind, () -> keys);
    }
}
