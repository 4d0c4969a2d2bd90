package com.webhookbuffer.domain.order;

import java.util.Objects;

/**
 * What one webhook tells: an event of some type that brings an order to a new version.
 *
 * <p>{@code order.cancelled} and the status {@code cancelled} go together: each without the other is refused.
 */
public record OrderUpdate(EventType type, Order order) {

    public OrderUpdate {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(order, "data must not be null");
        if (!statusMatchesType(type, order.status())) {
            throw new IllegalArgumentException("status must be cancelled exactly when type is order.cancelled, was: "
                    + order.status().wireName() + " with " + type.wireName());
        }
    }

    /** Whether an event of {@code type} may bring an order to {@code status}, so a payload can be judged by it too. */
    public static boolean statusMatchesType(EventType type, OrderStatus status) {
        return (type == EventType.ORDER_CANCELLED) == (status == OrderStatus.CANCELLED);
    }

    public OrderId orderId() {
        return order.id();
    }

    public OrderVersion version() {
        return order.version();
    }
}
