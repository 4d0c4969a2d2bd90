package com.webhookbuffer.domain.order;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of order event a sender may post. */
public enum EventType {
    ORDER_CREATED("order.created"),
    ORDER_UPDATED("order.updated"),
    ORDER_CANCELLED("order.cancelled");

    /** The wire names, for messages that list what is allowed. */
    public static final String WIRE_NAMES = "order.created, order.updated, order.cancelled";

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
