package com.webhookbuffer.domain.order;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What lies between an order's lines and its total: discounts taken off, shipping and fees added, and tax added
 * unless the prices already include it. A shop's order has them; a sender that has none sends none (all zero).
 *
 * @param discounts   taken off the sum of the lines (order and line discounts together)
 * @param shipping    added for delivery
 * @param fees        any other charge the platform adds to the total (WooCommerce's fee lines, Shopify's tips and
 *                    duties)
 * @param tax         the tax on the order
 * @param taxIncluded whether the unit prices already include {@code tax}, so it is not added again
 */
public record Adjustments(Money discounts, Money shipping, Money fees, Money tax, boolean taxIncluded) {

    public static final String TOTAL_RULE =
            "must equal the sum of quantity x unitPrice - discounts + shipping + fees + tax (unless taxIncluded)";

    public Adjustments {
        Objects.requireNonNull(discounts, "discounts must not be null");
        Objects.requireNonNull(shipping, "shipping must not be null");
        Objects.requireNonNull(fees, "fees must not be null");
        Objects.requireNonNull(tax, "tax must not be null");
        Currency currency = discounts.currency();
        for (Money amount : List.of(shipping, fees, tax)) {
            if (!amount.currency().equals(currency)) {
                throw new IllegalArgumentException(
                        "adjustments must share one currency, were: " + currency.getCurrencyCode() + " and "
                                + amount.currency().getCurrencyCode());
            }
        }
    }

    /** None at all: the total is the sum of the lines. */
    public static Adjustments none(Currency currency) {
        Money zero = Money.zero(currency);
        return new Adjustments(zero, zero, zero, zero, false);
    }

    public Currency currency() {
        return discounts.currency();
    }

    /**
     * The one arithmetic a total is checked against, by {@link Order} and by whatever judges a total before there
     * is an order to build: {@code subtotal - discounts + shipping + fees + tax}, without the tax when the prices
     * include it. Unbounded and possibly negative, so a wrong total can still be named.
     */
    public static BigDecimal expectedTotal(
            BigDecimal subtotal,
            BigDecimal discounts,
            BigDecimal shipping,
            BigDecimal fees,
            BigDecimal tax,
            boolean taxIncluded) {
        BigDecimal total = subtotal.subtract(discounts).add(shipping).add(fees);
        return taxIncluded ? total : total.add(tax);
    }

    BigDecimal totalFor(BigDecimal subtotal) {
        return expectedTotal(subtotal, discounts.amount(), shipping.amount(), fees.amount(), tax.amount(), taxIncluded);
    }
}
