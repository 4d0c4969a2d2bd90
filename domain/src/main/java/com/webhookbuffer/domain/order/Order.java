package com.webhookbuffer.domain.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * An order at one version, as its sender last described it.
 *
 * <p>Its invariants: 1 to 500 line items, all priced in the order's currency, and a total that equals the sum of
 * quantity x unit price (the subtotal) less discounts, plus shipping, fees and tax unless the prices include it,
 * exactly ({@link Adjustments#TOTAL_RULE}). {@code updatedAt} is when the sender says this version came about, within the years
 * 1 to 9999 (UTC): what an RFC 3339 date-time can write and what the store's {@code timestamptz} keeps. It is kept
 * to the microsecond, as {@code timestamptz} is: finer digits are dropped (never rounded, which could carry the last
 * instant of 9999 into the year 10000).
 */
public record Order(
        OrderId id,
        OrderVersion version,
        CustomerId customerId,
        OrderStatus status,
        Currency currency,
        List<LineItem> items,
        Adjustments adjustments,
        Money total,
        Instant updatedAt) {

    public static final int MIN_ITEMS = 1;
    public static final int MAX_ITEMS = 500;
    public static final String ITEMS_RULE = "must hold " + MIN_ITEMS + "-" + MAX_ITEMS + " line items";
    public static final String TOTAL_RULE = Adjustments.TOTAL_RULE;
    /** The first instant of year 1, the earliest {@code updatedAt}. */
    public static final Instant EARLIEST_UPDATED_AT = Instant.parse("0001-01-01T00:00:00Z");
    /** The last instant of year 9999, the latest {@code updatedAt}. */
    public static final Instant LATEST_UPDATED_AT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public Order {
        Objects.requireNonNull(id, "orderId must not be null");
        Objects.requireNonNull(version, "version must not be null");
        Objects.requireNonNull(customerId, "customerId must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(currency, "currency must not be null");
        Objects.requireNonNull(items, "items must not be null");
        Objects.requireNonNull(adjustments, "adjustments must not be null");
        Objects.requireNonNull(total, "total must not be null");
        Objects.requireNonNull(updatedAt, "updatedAt must not be null");
        if (!isStorable(updatedAt)) {
            throw new IllegalArgumentException("updatedAt must be within the years 1-9999 (UTC), was: " + updatedAt);
        }
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
        items = List.copyOf(items);
        if (items.size() < MIN_ITEMS || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("items " + ITEMS_RULE + ", held: " + items.size());
        }
        requirePricedIn(items, currency);
        if (!total.currency().equals(currency)) {
            throw new IllegalArgumentException("total must be in " + currency.getCurrencyCode() + ", was: "
                    + total.currency().getCurrencyCode());
        }
        if (!adjustments.currency().equals(currency)) {
            throw new IllegalArgumentException("adjustments must be in " + currency.getCurrencyCode() + ", were: "
                    + adjustments.currency().getCurrencyCode());
        }
        BigDecimal expected = adjustments.totalFor(amountOf(items));
        if (expected.compareTo(total.amount()) != 0) {
            throw new IllegalArgumentException("total " + TOTAL_RULE + " (" + expected.toPlainString() + "), was: "
                    + total.amount().toPlainString());
        }
    }

    /** An order without discounts, shipping, fees or tax: its total is the sum of its lines. */
    public Order(
            OrderId id,
            OrderVersion version,
            CustomerId customerId,
            OrderStatus status,
            Currency currency,
            List<LineItem> items,
            Money total,
            Instant updatedAt) {
        this(id, version, customerId, status, currency, items, Adjustments.none(currency), total, updatedAt);
    }

    /** The sum of quantity x unit price over the lines, before any adjustment. */
    public Money subtotal() {
        return new Money(amountOf(items), currency);
    }

    /** Whether an instant lies within the years 1 to 9999 (UTC), as {@code updatedAt} must. */
    public static boolean isStorable(Instant instant) {
        return !instant.isBefore(EARLIEST_UPDATED_AT) && !instant.isAfter(LATEST_UPDATED_AT);
    }

    /** The total that {@code items} must have: the sum of their quantity x unit price. */
    public static Money sumOf(List<LineItem> items, Currency currency) {
        requirePricedIn(items, currency);
        return new Money(amountOf(items), currency);
    }

    /**
     * The exact sum of quantity x unit price over any lines: the subtotal, by this record's arithmetic and by
     * whatever judges a total before there are line items to build an order from. Unbounded, so a sum of
     * {@link Money#LIMIT} or more can still be named.
     */
    public static <L> BigDecimal sumOf(List<L> lines, ToIntFunction<L> quantity, Function<L, BigDecimal> unitPrice) {
        BigDecimal sum = BigDecimal.ZERO;
        for (L line : lines) {
            sum = sum.add(unitPrice.apply(line).multiply(BigDecimal.valueOf(quantity.applyAsInt(line))));
        }
        return sum;
    }

    private static BigDecimal amountOf(List<LineItem> items) {
        return sumOf(items, LineItem::quantity, item -> item.unitPrice().amount());
    }

    private static void requirePricedIn(List<LineItem> items, Currency currency) {
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("items[" + i + "].unitPrice must be in " + currency.getCurrencyCode()
                        + ", was: " + items.get(i).unitPrice().currency().getCurrencyCode());
            }
        }
    }
}
