package com.webhookbuffer.domain.processing;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a message that could not be written waits before its next try, by why it failed: a transient failure
 * (a lock, a timeout, a serialization conflict) is tried again within seconds; an outage of the order store (it
 * cannot be reached, is restarting, or refuses connections) is waited out, so that the queue's
 * {@code maxReceiveCount} receives span a database's maintenance (a reboot, a minor upgrade, a failover) instead of
 * moving the traffic to the dead-letter queue within a minute.
 *
 * @param transientFailure the backoff after a {@link ProcessingOutcome.RetryLater}
 * @param storeOutage      the backoff after a {@link ProcessingOutcome.StoreUnavailable}
 */
public record RetryPolicy(RetryBackoff transientFailure, RetryBackoff storeOutage) {

    /** 60 s doubling to 15 min: with 5 receives, an outage of at least 15 minutes sends nothing to the DLQ. */
    public static final RetryBackoff DEFAULT_STORE_OUTAGE =
            new RetryBackoff(Duration.ofSeconds(60), Duration.ofMinutes(15));

    public static final RetryPolicy DEFAULT = new RetryPolicy(RetryBackoff.DEFAULT, DEFAULT_STORE_OUTAGE);

    public RetryPolicy {
        Objects.requireNonNull(transientFailure, "transientFailure must not be null");
        Objects.requireNonNull(storeOutage, "storeOutage must not be null");
    }
}
