package com.webhookbuffer.domain.processing;

import java.util.Objects;

/** How one queued webhook ended. The first three are final and successful; the others are not. */
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

    /**
     * The order store cannot be reached, is restarting or refuses connections: nothing about this item is wrong, and
     * it is tried again after the store's outage, not within seconds ({@link RetryPolicy#storeOutage()}).
     */
    record StoreUnavailable(String reason) implements ProcessingOutcome {
        public StoreUnavailable {
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
            case StoreUnavailable u -> "store-unavailable";
            case Poison p -> "poison";
        };
    }
}
