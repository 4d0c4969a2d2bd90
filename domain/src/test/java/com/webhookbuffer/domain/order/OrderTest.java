package com.webhookbuffer.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.webhookbuffer.domain.testing.TestOrders;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderTest {

    private static final Currency EUR = TestOrders.EUR;
    private static final LineItem ITEM = LineItem.of("SKU-1", 2, Money.of("19.99", "EUR"));

    private static Order order(List<LineItem> items, Money total) {
        return new Order(
                OrderId.of("ord_1"),
                OrderVersion.of(1),
                CustomerId.of("cus_1"),
                OrderStatus.PLACED,
                EUR,
                items,
                total,
                Instant.EPOCH);
    }

    private static Order updatedAt(String instant) {
        return new Order(
                OrderId.of("ord_1"),
                OrderVersion.of(1),
                CustomerId.of("cus_1"),
                OrderStatus.PLACED,
                EUR,
                List.of(ITEM),
                Money.of("39.98", "EUR"),
                Instant.parse(instant));
    }

    @Test
    void updatedAtLiesWithinTheYearsOneToNineThousandNineHundredNinetyNine() {
        assertThat(updatedAt("0001-01-01T00:00:00Z").updatedAt()).isEqualTo(Order.EARLIEST_UPDATED_AT);
        assertThat(updatedAt("9999-12-31T23:59:59.999999Z").updatedAt())
                .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> updatedAt("0000-12-31T23:59:59.999999999Z"))
                .withMessage("updatedAt must be within the years 1-9999 (UTC), was: 0000-12-31T23:59:59.999999999Z");
        assertThatIllegalArgumentException().isThrownBy(() -> updatedAt("+10000-01-01T00:00:00Z"));
        assertThat(Order.isStorable(Order.LATEST_UPDATED_AT)).isTrue();
        assertThat(Order.isStorable(Order.LATEST_UPDATED_AT.plusNanos(1))).isFalse();
        assertThat(Order.isStorable(Order.EARLIEST_UPDATED_AT.minusNanos(1))).isFalse();
    }

    @Test
    void updatedAtIsKeptToTheMicrosecondWithoutRoundingIntoTheNextYear() {
        assertThat(updatedAt("9999-12-31T23:59:59.999999999Z").updatedAt())
                .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
        assertThat(updatedAt("2026-11-26T14:00:00.123456789Z").updatedAt())
                .isEqualTo(Instant.parse("2026-11-26T14:00:00.123456Z"));
    }

    @Test
    void totalMustEqualTheSumOfTheLinesExactly() {
        assertThat(order(List.of(ITEM), Money.of("39.98", "EUR")).total()).isEqualTo(Money.of("39.98", "EUR"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> order(List.of(ITEM), Money.of("39.97", "EUR")))
                .withMessage(
                        "total must equal the sum of quantity x unitPrice - discounts + shipping + fees + tax (unless"
                                + " taxIncluded) (39.98), was: 39.97");
    }

    @Test
    void theSumRuleTakesAnyLinesAndNamesASumBeyondWhatMoneyHolds() {
        record Line(int quantity, BigDecimal unitPrice) {}
        List<Line> lines = List.of(new Line(2, new BigDecimal("19.99")), new Line(3, new BigDecimal("0.10")));
        assertThat(Order.sumOf(lines, Line::quantity, Line::unitPrice)).isEqualByComparingTo("40.28");

        LineItem dearest = LineItem.of("SKU-1", 2, Money.of("999999999999999", "EUR"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> order(List.of(dearest), Money.of("1", "EUR")))
                .withMessage(
                        "total must equal the sum of quantity x unitPrice - discounts + shipping + fees + tax (unless"
                                + " taxIncluded) (1999999999999998.00), was: 1.00");
    }

    @Test
    void holdsOneToFiveHundredItems() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> order(List.of(), Money.of("0", "EUR")))
                .withMessage("items must hold 1-500 line items, held: 0");
        List<LineItem> tooMany = Collections.nCopies(501, ITEM);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> order(tooMany, Order.sumOf(tooMany, EUR)))
                .withMessage("items must hold 1-500 line items, held: 501");
        List<LineItem> most = Collections.nCopies(500, ITEM);
        assertThat(order(most, Order.sumOf(most, EUR)).items()).hasSize(500);
    }

    @Test
    void everyAmountIsInTheOrdersCurrency() {
        LineItem dollars = LineItem.of("SKU-1", 1, Money.of("1.00", "USD"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> order(List.of(dollars), Money.of("1.00", "EUR")))
                .withMessage("items[0].unitPrice must be in EUR, was: USD");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> order(List.of(ITEM), Money.of("39.98", "USD")))
                .withMessage("total must be in EUR, was: USD");
    }

    @Test
    void itemsCannotBeChangedAfterConstruction() {
        var items = new ArrayList<>(List.of(ITEM));
        Order order = order(items, Money.of("39.98", "EUR"));
        items.add(ITEM);

        assertThat(order.items()).hasSize(1);
    }

    @Test
    void missingPartsAreNamed() {
        assertThatNullPointerException()
                .isThrownBy(() -> new Order(
                        OrderId.of("o"),
                        null,
                        CustomerId.of("c"),
                        OrderStatus.PLACED,
                        EUR,
                        List.of(ITEM),
                        Money.of("39.98", "EUR"),
                        Instant.EPOCH))
                .withMessage("version must not be null");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001})
    void quantityIsOneToTenThousand(int quantity) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LineItem.of("SKU-1", quantity, Money.of("1", "EUR")))
                .withMessage("quantity must be 1-10000, was: " + quantity);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "has space",
                "semi;colon",
                "\u00e9t\u00e9",
                "emoji\uD83D\uDE00",
                "quote'",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            })
    void identifiersAreOneToSixtyFourSafeCharacters(String id) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderId.of(id))
                .withMessageStartingWith("orderId must be");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CustomerId.of(id))
                .withMessageStartingWith("customerId must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "course-v1:org+course+run1", "\u00e9t\u00e9", "emoji\uD83D\uDE00", "quote'"})
    void skusAreFreeText(String sku) {
        assertThat(Sku.of(sku).value()).isEqualTo(sku);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\tin", "new\nline", "nul\u0000", "c1\u0085"})
    void skusHaveNoControlCharactersAndAreNotEmpty(String sku) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Sku.of(sku))
                .withMessageStartingWith("sku must be 1-255 characters, none of them a control character, was: ")
                .withMessageNotContaining("\n")
                .withMessageNotContaining("\t");
        assertThat(Sku.isValid("x".repeat(Sku.MAX_LENGTH))).isTrue();
        assertThat(Sku.isValid("x".repeat(Sku.MAX_LENGTH + 1))).isFalse();
    }

    @Test
    void discountsShippingFeesAndTaxLieBetweenTheLinesAndTheTotal() {
        Adjustments shop = new Adjustments(
                Money.of("20.00", "EUR"),
                Money.of("10.00", "EUR"),
                Money.of("1.50", "EUR"),
                Money.of("6.00", "EUR"),
                false);
        Order order = new Order(
                OrderId.of("ord_1"),
                OrderVersion.of(1),
                CustomerId.of("cus_1"),
                OrderStatus.PAID,
                EUR,
                List.of(ITEM),
                shop,
                Money.of("37.48", "EUR"),
                Instant.EPOCH);
        assertThat(order.subtotal()).isEqualTo(Money.of("39.98", "EUR"));
        assertThat(order.adjustments()).isEqualTo(shop);

        Adjustments taxInPrices = new Adjustments(
                Money.of("20.00", "EUR"),
                Money.of("10.00", "EUR"),
                Money.of("1.50", "EUR"),
                Money.of("6.00", "EUR"),
                true);
        assertThat(new Order(
                                OrderId.of("ord_1"),
                                OrderVersion.of(1),
                                CustomerId.of("cus_1"),
                                OrderStatus.PAID,
                                EUR,
                                List.of(ITEM),
                                taxInPrices,
                                Money.of("31.48", "EUR"),
                                Instant.EPOCH)
                        .total())
                .isEqualTo(Money.of("31.48", "EUR"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Order(
                        OrderId.of("ord_1"),
                        OrderVersion.of(1),
                        CustomerId.of("cus_1"),
                        OrderStatus.PAID,
                        EUR,
                        List.of(ITEM),
                        taxInPrices,
                        Money.of("37.48", "EUR"),
                        Instant.EPOCH))
                .withMessage(
                        "total must equal the sum of quantity x unitPrice - discounts + shipping + fees + tax (unless"
                                + " taxIncluded) (31.48), was: 37.48");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Order(
                        OrderId.of("ord_1"),
                        OrderVersion.of(1),
                        CustomerId.of("cus_1"),
                        OrderStatus.PAID,
                        EUR,
                        List.of(ITEM),
                        Adjustments.none(Currency.getInstance("USD")),
                        Money.of("39.98", "EUR"),
                        Instant.EPOCH))
                .withMessage("adjustments must be in EUR, were: USD");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Adjustments(
                        Money.of("1", "EUR"), Money.of("1", "USD"), Money.of("1", "EUR"), Money.of("1", "EUR"), false))
                .withMessage("adjustments must share one currency, were: EUR and USD");
        assertThat(order(List.of(ITEM), Money.of("39.98", "EUR")).adjustments()).isEqualTo(Adjustments.none(EUR));
    }

    @Test
    void aModificationInstantIsAVersionInMicrosecondsSoAnEqualInstantIsNotNewer() {
        Instant modified = Instant.parse("2021-12-31T19:00:00Z");
        assertThat(OrderVersion.modifiedAt(modified).value()).isEqualTo(1_640_977_200_000_000L);
        assertThat(OrderVersion.modifiedAt(Instant.parse("1970-01-01T00:00:00.000001Z"))
                        .value())
                .isEqualTo(1);
        assertThat(OrderVersion.modifiedAt(modified.plusNanos(999)).isNewerThan(OrderVersion.modifiedAt(modified)))
                .as("finer than the store keeps")
                .isFalse();
        assertThat(OrderVersion.modifiedAt(modified.plusSeconds(1)).isNewerThan(OrderVersion.modifiedAt(modified)))
                .isTrue();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderVersion.modifiedAt(Instant.EPOCH))
                .withMessage("version must be >= 1, was: 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderVersion.modifiedAt(Instant.MAX))
                .withMessageStartingWith("a modification instant must fit in microseconds");
    }

    @Test
    void rejectedValuesAreQuotedShortInMessages() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderId.of("y".repeat(10_000)))
                .withMessageEndingWith("(10000 characters)");
    }

    @Test
    void versionIsAtLeastOneAndOrdered() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderVersion.of(0))
                .withMessage("version must be >= 1, was: 0");
        assertThat(OrderVersion.of(3).isNewerThan(OrderVersion.of(2))).isTrue();
        assertThat(OrderVersion.of(2).isNewerThan(OrderVersion.of(2))).isFalse();
    }

    @Test
    void cancelledEventAndCancelledStatusGoTogether() {
        Order placed = TestOrders.order("ord_1", 1);
        Order cancelled = new Order(
                placed.id(),
                placed.version(),
                placed.customerId(),
                OrderStatus.CANCELLED,
                placed.currency(),
                placed.items(),
                placed.total(),
                placed.updatedAt());

        assertThat(new OrderUpdate(EventType.ORDER_CANCELLED, cancelled).order())
                .isEqualTo(cancelled);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OrderUpdate(EventType.ORDER_CANCELLED, placed))
                .withMessageStartingWith("status must be cancelled exactly when type is order.cancelled");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OrderUpdate(EventType.ORDER_UPDATED, cancelled))
                .withMessageStartingWith("status must be cancelled exactly when type is order.cancelled");
    }

    @Test
    void wireNamesReadBack() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(OrderStatus.fromWireName(status.wireName())).contains(status);
        }
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(OrderStatus.fromWireName("PLACED")).isEmpty();
    }
}
