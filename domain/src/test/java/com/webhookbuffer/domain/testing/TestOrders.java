package com.webhookbuffer.domain.testing;

import com.webhookbuffer.domain.order.CustomerId;
import com.webhookbuffer.domain.order.EventType;
import com.webhookbuffer.domain.order.LineItem;
import com.webhookbuffer.domain.order.Money;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.order.OrderStatus;
import com.webhookbuffer.domain.order.OrderUpdate;
import com.webhookbuffer.domain.order.OrderVersion;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Valid orders and writes for tests: small, deterministic, and different per version so a test can tell them apart. */
public final class TestOrders {

    public static final Currency EUR = Currency.getInstance("EUR");
    public static final Instant BASE_TIME = Instant.parse("2026-11-26T14:00:00Z");

    private TestOrders() {}

    /** An order at {@code version} whose item count and prices depend on the version. */
    public static Order order(String orderId, long version) {
        int itemCount = (int) (version % 3) + 1;
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < itemCount; i++) {
            items.add(LineItem.of("SKU-" + version + "-" + i, i + 1, Money.of(version + "." + (10 + i), "EUR")));
        }
        return new Order(
                OrderId.of(orderId),
                OrderVersion.of(version),
                CustomerId.of("cus_42"),
                version == 1 ? OrderStatus.PLACED : OrderStatus.PAID,
                EUR,
                items,
                Order.sumOf(items, EUR),
                BASE_TIME.plusSeconds(version));
    }

    public static OrderUpdate update(String orderId, long version) {
        Order order = order(orderId, version);
        return new OrderUpdate(version == 1 ? EventType.ORDER_CREATED : EventType.ORDER_UPDATED, order);
    }

    public static OrderWrite write(String webhookId, String orderId, long version) {
        return new OrderWrite(WebhookId.of(webhookId), update(orderId, version));
    }
}
