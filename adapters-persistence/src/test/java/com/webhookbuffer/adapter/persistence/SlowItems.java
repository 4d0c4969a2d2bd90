package com.webhookbuffer.adapter.persistence;

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
import com.webhookbuffer.domain.testing.TestOrders;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.util.List;

/**
 * A trigger that makes inserting the item {@value #SKU} sleep, so a test can fail the database while a batch is
 * half done: the orders and idempotency rows are in, the items are not, and nothing is committed.
 */
final class SlowItems {

    static final String SKU = "SKU-SLOW";

    private SlowItems() {}

    static void install(DatabaseSettings settings, int seconds) {
        TestPostgres.execute(
                settings,
                "CREATE OR REPLACE FUNCTION test_slow_item() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.sku = '" + SKU + "' THEN PERFORM pg_sleep(" + seconds + "); END IF; "
                        + "RETURN NEW; END $$",
                "CREATE OR REPLACE TRIGGER test_slow_item BEFORE INSERT ON order_items "
                        + "FOR EACH ROW EXECUTE FUNCTION test_slow_item()");
    }

    static void remove(DatabaseSettings settings) {
        TestPostgres.execute(settings, "DROP TRIGGER IF EXISTS test_slow_item ON order_items");
    }

    /** A write whose single item is the slow one. */
    static OrderWrite write(String webhookId, String orderId) {
        List<LineItem> items = List.of(LineItem.of(SKU, 1, Money.of("1.00", "EUR")));
        Order order = new Order(
                OrderId.of(orderId),
                OrderVersion.of(1),
                CustomerId.of("cus_1"),
                OrderStatus.PLACED,
                TestOrders.EUR,
                items,
                Order.sumOf(items, TestOrders.EUR),
                TestOrders.BASE_TIME);
        return new OrderWrite(WebhookId.of(webhookId), new OrderUpdate(EventType.ORDER_CREATED, order));
    }
}
