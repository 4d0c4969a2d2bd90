package com.webhookbuffer.domain.order;

/**
 * The sender's version of an order. Versions order the updates of one order: a higher version replaces a lower
 * one, and an update whose version is not higher than the stored one changes nothing.
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
