package com.webhookbuffer.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LineItemTest {

    private static final Money PRICE = Money.of("0.01", "EUR");

    @Test
    void quantityOfOneIsAllowedButNotZero() {
        assertThat(LineItem.of("SKU-1", 1, PRICE).quantity()).isEqualTo(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LineItem.of("SKU-1", 0, PRICE))
                .withMessage("quantity must be 1-10000, was: 0");
    }

    @Test
    void quantityOfTenThousandIsAllowedButNotOneMore() {
        assertThat(LineItem.of("SKU-1", 10_000, PRICE).quantity()).isEqualTo(10_000);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LineItem.of("SKU-1", 10_001, PRICE))
                .withMessage("quantity must be 1-10000, was: 10001");
    }

    @Test
    void lineTotalIsQuantityTimesUnitPrice() {
        assertThat(LineItem.of("SKU-1", 10_000, PRICE).lineTotal()).isEqualTo(Money.of("100.00", "EUR"));
    }
}
