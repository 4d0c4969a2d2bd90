package com.webhookbuffer.domain.processing;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a message that failed for a transient reason stays invisible before its next try: exponential in the
 * receive count, capped, with "equal jitter" (a random half) so that messages that failed together do not all
 * come back together and knock the recovering database over again.
 *
 * <p>Delays are whole seconds (SQS's visibility granularity), at least one second and at most the cap, which
 * SQS limits to 12 hours.
 */
public record RetryBackoff(Duration base, Duration cap) {

    public static final Duration MAX_CAP = Duration.ofHours(12);
    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(15));

    public RetryBackoff {
        Objects.requireNonNull(base, "base must not be null");
        Objects.requireNonNull(cap, "cap must not be null");
        if (base.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("backoff base must be >= 1s, was: " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff cap must be >= base (" + base + "), was: " + cap);
        }
        if (cap.compareTo(MAX_CAP) > 0) {
            throw new IllegalArgumentException("backoff cap must be <= 12h (SQS's longest visibility), was: " + cap);
        }
    }

    /** The delay before the next try of a message received {@code receiveCount} times so far. */
    public Duration delayFor(int receiveCount, RandomGenerator random) {
        if (receiveCount < 1) {
            throw new IllegalArgumentException("receiveCount must be >= 1, was: " + receiveCount);
        }
        long ceiling = ceilingSeconds(receiveCount);
        long half = ceiling / 2;
        long seconds = ceiling - half + random.nextLong(half + 1);
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    /**
     * The least the delays after receives 1 to {@code receives} can add up to (each at the low end of its jitter):
     * how long a message that fails every time is tried before its next receive is number {@code receives + 1}.
     */
    public Duration shortestTotal(int receives) {
        if (receives < 1) {
            throw new IllegalArgumentException("receives must be >= 1, was: " + receives);
        }
        long seconds = 0;
        for (int receiveCount = 1; receiveCount <= receives; receiveCount++) {
            long ceiling = ceilingSeconds(receiveCount);
            seconds += Math.max(1, ceiling - ceiling / 2);
        }
        return Duration.ofSeconds(seconds);
    }

    /** The delay without jitter: base x 2^(receiveCount - 1), capped. */
    public long ceilingSeconds(int receiveCount) {
        long baseSeconds = base.toSeconds();
        long capSeconds = cap.toSeconds();
        int doublings = Math.min(receiveCount - 1, 62);
        // Stop doubling once past the cap, long before the shift could overflow.
        long ceiling = baseSeconds;
        for (int i = 0; i < doublings && ceiling < capSeconds; i++) {
            ceiling *= 2;
        }
        return Math.min(ceiling, capSeconds);
    }
}
