package com.webhookbuffer.adapter.persistence;

import java.util.Comparator;

/** What identifies a stored order: its source and the sender's order id. Also the order locks are taken in. */
record OrderKey(String source, String orderId) implements Comparable<OrderKey> {

    private static final Comparator<OrderKey> ORDER =
            Comparator.comparing(OrderKey::source).thenComparing(OrderKey::orderId);

    @Override
    public int compareTo(OrderKey other) {
        return ORDER.compare(this, other);
    }
}
