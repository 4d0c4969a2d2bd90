package com.webhookbuffer.bootstrap.lambda.worker;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The retry backoff's jitter, re-seeded after every SnapStart restore. A generator created before the snapshot is
 * copied into every execution environment restored from it, and each copy would draw the same "random" delays, so
 * after an outage their retries would line up again: exactly what jitter exists to prevent. The new seed comes from
 * {@link SecureRandom}, which the Lambda Java runtimes make restore-safe (AWS Lambda Developer Guide, "Handling
 * uniqueness with Lambda SnapStart").
 */
final class SnapStartRandom implements RandomGenerator {

    private volatile RandomGenerator current;

    private SnapStartRandom(long seed) {
        this.current = new SplittableRandom(seed);
    }

    /** Seeded now; {@link #reseed()} after a restore. */
    static SnapStartRandom create() {
        return new SnapStartRandom(new SecureRandom().nextLong());
    }

    /** Seeded as given: two of these stand for two copies of one snapshot. */
    static SnapStartRandom seededWith(long seed) {
        return new SnapStartRandom(seed);
    }

    /** A fresh seed of this environment's own; called from {@code afterRestore}. */
    void reseed() {
        current = new SplittableRandom(new SecureRandom().nextLong());
    }

    @Override
    public long nextLong() {
        return current.nextLong();
    }
}
