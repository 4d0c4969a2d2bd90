package com.webhookbuffer.domain.order;

import java.util.Objects;

/** One line of an order: a quantity of a SKU at a unit price. */
public record LineItem(Sku sku, int quantity, Money unitPrice) {

    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 10_000;
    public static final String QUANTITY_RULE = "must be " + MIN_QUANTITY + "-" + MAX_QUANTITY;

    public LineItem {
        Objects.requireNonNull(sku, "sku must not be null");
        Objects.requireNonNull(unitPrice, "unitPrice must not be null");
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity " + QUANTITY_RULE + ", was: " + quantity);
        }
    }

    public static LineItem of(String sku, int quantity, Money unitPrice) {
        return new LineItem(Sku.of(sku), quantity, unitPrice);
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
