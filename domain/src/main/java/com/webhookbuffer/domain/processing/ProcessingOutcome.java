package com.webhookbuffer.domain.processing;

import java.util.Objects;

/** How one queued webhook ended. The first three are final and successful; the last two are not. */
public sealed interface ProcessingOutcome {

    /** The order was created or replaced by this version. */
    record Written() implements ProcessingOutcome {}

    /** This webhook id was processed before; nothing changed. */
    record Duplicate() implements ProcessingOutcome {}

    /** The stored order already has this version or a newer one; nothing changed. */
    record Stale() implements ProcessingOutcome {}

    /** A transient failure (store unavailable, timed out, out of connections): try again later. */
    record RetryLater(String reason) implements ProcessingOutcome {
        public RetryLater {
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }

    /** A permanent failure (cannot be decoded, breaks a rule): it will never succeed, so it is dead-lettered. */
    record Poison(String reason) implements ProcessingOutcome {
        public Poison {
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }

    ProcessingOutcome WRITTEN = new Written();
    ProcessingOutcome DUPLICATE = new Duplicate();
    ProcessingOutcome STALE = new Stale();

    /** The lower-case name used in logs, metrics and the store's {@code outcome} column. */
    default String label() {
        return switch (this) {
            case Written w -> "written";
            case Duplicate d -> "duplicate";
            case Stale s -> "stale";
            case RetryLater r -> "retry-later";
            case Poison p -> "poison";
        };
    }
}
