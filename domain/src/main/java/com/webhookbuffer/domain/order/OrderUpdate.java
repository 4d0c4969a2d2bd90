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
        boolean cancelEvent = type == EventType.ORDER_CANCELLED;
        boolean cancelledStatus = order.status() == OrderStatus.CANCELLED;
        if (cancelEvent != cancelledStatus) {
            throw new IllegalArgumentException("status must be cancelled exactly when type is order.cancelled, was: "
                    + order.status().wireName() + " with " + type.wireName());
        }
    }

    public OrderId orderId() {
        return order.id();
    }

    public OrderVersion version() {
        return order.version();
    }
}
