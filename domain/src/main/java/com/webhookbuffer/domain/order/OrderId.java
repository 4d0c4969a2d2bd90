package com.webhookbuffer.domain.order;

/** The sender's identifier of an order, e.g. {@code ord_1001}. */
public record OrderId(String value) {

    public OrderId {
        Identifiers.require("orderId", value);
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
