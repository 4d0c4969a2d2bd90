package com.webhookbuffer.domain.order;

import java.util.Arrays;
import java.util.Optional;

/** Where an order stands. The wire name is what the sender writes and what the store keeps. */
public enum OrderStatus {
    PLACED("placed"),
    PAID("paid"),
    SHIPPED("shipped"),
    /** Paid and then given back in full, but not cancelled. */
    REFUNDED("refunded"),
    CANCELLED("cancelled");

    /** The wire names, for messages that list what is allowed. */
    public static final String WIRE_NAMES = "placed, paid, shipped, refunded, cancelled";

    private final String wireName;

    OrderStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<OrderStatus> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }
}
