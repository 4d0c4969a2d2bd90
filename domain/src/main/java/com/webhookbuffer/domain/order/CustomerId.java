package com.webhookbuffer.domain.order;

/** The sender's identifier of the customer who placed an order, e.g. {@code cus_42}. */
public record CustomerId(String value) {

    public CustomerId {
        Identifiers.require("customerId", value);
    }

    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
