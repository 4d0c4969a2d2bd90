package com.webhookbuffer.domain.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The sender's version of an order. Versions order the updates of one order: a higher version replaces a lower
 * one, and an update whose version is not higher than the stored one changes nothing.
 *
 * <p>A sender that numbers its versions sends the number. A platform that numbers nothing (Shopify, WooCommerce)
 * has the order's last-modified instant instead: {@link #modifiedAt(Instant)}. Two updates modified at the same
 * instant are then equal versions, so the later one to arrive is stale, never newer.
 */
public record OrderVersion(long value) implements Comparable<OrderVersion> {

    public static final long MIN = 1;
    public static final String RULE = "must be >= " + MIN;

    public OrderVersion {
        if (value < MIN) {
            throw new IllegalArgumentException("version " + RULE + ", was: " + value);
        }
    }

    public static OrderVersion of(long value) {
        return new OrderVersion(value);
    }

    /**
     * The version of an order last modified at {@code instant}: its microseconds since 1970 (UTC), the precision
     * the store keeps instants at. Instants up to 1970 have none.
     *
     * @throws IllegalArgumentException for an instant not after 1970-01-01T00:00:00Z, or beyond what a long holds
     */
    public static OrderVersion modifiedAt(Instant instant) {
        Objects.requireNonNull(instant, "instant must not be null");
        try {
            return new OrderVersion(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a modification instant must fit in microseconds, was: " + instant, e);
        }
    }

    public boolean isNewerThan(OrderVersion other) {
        return value > other.value;
    }

    @Override
    public int compareTo(OrderVersion other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
