package com.webhookbuffer.adapter.persistence;

import com.webhookbuffer.domain.order.Adjustments;
import com.webhookbuffer.domain.order.LineItem;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.processing.OrderWrite;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What a batch stores, as rows: the winning version of each order, the line items of those orders, and the
 * webhooks to mark written if their order's winner is applied.
 *
 * <p>The statement that stores them ({@code storeWinners} in {@code OrderMapper.xml}) unnests whole columns, one
 * round trip whatever the batch size: the column methods below, which MyBatis reads as the statement's parameters,
 * are the one place rows become columns.
 */
record Winners(List<Winner> orders, List<Item> items, List<WebhookKey> written) {

    Winners {
        orders = List.copyOf(orders);
        items = List.copyOf(items);
        written = List.copyOf(written);
    }

    /** The rows for {@code winning} (one write per order, in the order to store them) and {@code written}. */
    static Winners of(List<OrderWrite> winning, List<OrderWrite> written) {
        return new Winners(
                winning.stream().map(Winner::of).toList(),
                winning.stream().flatMap(Item::of).toList(),
                written.stream().map(WebhookKey::of).toList());
    }

    /** One row of {@code orders}, with the webhook that wrote it and how many items it has. */
    record Winner(
            String source,
            String orderId,
            long version,
            String status,
            String customerId,
            String currency,
            BigDecimal total,
            String updatedAt,
            String eventType,
            String webhookId,
            int itemCount,
            Adjustments adjustments) {

        static Winner of(OrderWrite write) {
            Order order = write.update().order();
            return new Winner(
                    write.source().value(),
                    order.id().value(),
                    order.version().value(),
                    order.status().wireName(),
                    order.customerId().value(),
                    order.currency().getCurrencyCode(),
                    order.total().amount(),
                    order.updatedAt().toString(),
                    write.update().type().wireName(),
                    write.webhookId().value(),
                    order.items().size(),
                    order.adjustments());
        }
    }

    /** One row of {@code order_items}; lines are numbered from 1. */
    record Item(String source, String orderId, int lineNo, String sku, int quantity, BigDecimal unitPrice) {

        static Stream<Item> of(OrderWrite write) {
            Order order = write.update().order();
            List<LineItem> items = order.items();
            return IntStream.range(0, items.size())
                    .mapToObj(i -> new Item(
                            write.source().value(),
                            order.id().value(),
                            i + 1,
                            items.get(i).sku().value(),
                            items.get(i).quantity(),
                            items.get(i).unitPrice().amount()));
        }
    }

    /** A webhook to mark written: its source and id. */
    record WebhookKey(String source, String webhookId) {

        static WebhookKey of(OrderWrite write) {
            return new WebhookKey(write.source().value(), write.webhookId().value());
        }
    }

    String[] sources() {
        return column(orders, Winner::source, String[]::new);
    }

    String[] orderIds() {
        return column(orders, Winner::orderId, String[]::new);
    }

    Long[] versions() {
        return column(orders, Winner::version, Long[]::new);
    }

    String[] statuses() {
        return column(orders, Winner::status, String[]::new);
    }

    String[] customerIds() {
        return column(orders, Winner::customerId, String[]::new);
    }

    String[] currencies() {
        return column(orders, Winner::currency, String[]::new);
    }

    BigDecimal[] totals() {
        return column(orders, Winner::total, BigDecimal[]::new);
    }

    String[] updatedAts() {
        return column(orders, Winner::updatedAt, String[]::new);
    }

    String[] eventTypes() {
        return column(orders, Winner::eventType, String[]::new);
    }

    String[] webhookIds() {
        return column(orders, Winner::webhookId, String[]::new);
    }

    BigDecimal[] discounts() {
        return column(orders, winner -> winner.adjustments().discounts().amount(), BigDecimal[]::new);
    }

    BigDecimal[] shippings() {
        return column(orders, winner -> winner.adjustments().shipping().amount(), BigDecimal[]::new);
    }

    BigDecimal[] fees() {
        return column(orders, winner -> winner.adjustments().fees().amount(), BigDecimal[]::new);
    }

    BigDecimal[] taxes() {
        return column(orders, winner -> winner.adjustments().tax().amount(), BigDecimal[]::new);
    }

    Boolean[] taxIncludeds() {
        return column(orders, winner -> winner.adjustments().taxIncluded(), Boolean[]::new);
    }

    Integer[] itemCounts() {
        return column(orders, Winner::itemCount, Integer[]::new);
    }

    String[] itemSources() {
        return column(items, Item::source, String[]::new);
    }

    String[] itemOrderIds() {
        return column(items, Item::orderId, String[]::new);
    }

    Integer[] lineNos() {
        return column(items, Item::lineNo, Integer[]::new);
    }

    String[] skus() {
        return column(items, Item::sku, String[]::new);
    }

    Integer[] quantities() {
        return column(items, Item::quantity, Integer[]::new);
    }

    BigDecimal[] unitPrices() {
        return column(items, Item::unitPrice, BigDecimal[]::new);
    }

    String[] writtenSources() {
        return column(written, WebhookKey::source, String[]::new);
    }

    String[] writtenWebhookIds() {
        return column(written, WebhookKey::webhookId, String[]::new);
    }

    private static <R, C> C[] column(List<R> rows, Function<R, C> cell, IntFunction<C[]> array) {
        return rows.stream().map(cell).toArray(array);
    }
}
