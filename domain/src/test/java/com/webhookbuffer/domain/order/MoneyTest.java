package com.webhookbuffer.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"19.99,EUR", "19.9,EUR", "19.990,EUR", "0,EUR", "1500,JPY", "1.234,KWD", "999999999999999.99,EUR"})
    void acceptsAmountsWithinTheCurrencysMinorUnit(String amount, String currency) {
        assertThat(Money.of(amount, currency).amount()).isEqualByComparingTo(amount);
    }

    @ParameterizedTest
    @CsvSource({"19.999,EUR,2 fraction digits", "1.5,JPY,0 fraction digits", "1.2345,KWD,3 fraction digits"})
    void refusesMoreFractionDigitsThanTheMinorUnit(String amount, String currency, String expected) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(amount, currency))
                .withMessageContaining("amount must have at most " + expected);
    }

    @Test
    void refusesNegativeAndTooLargeAmounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("-0.01", "EUR"))
                .withMessageStartingWith("amount must be >= 0");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1000000000000000", "EUR"))
                .withMessageStartingWith("amount must be < 10^15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "ABC", "XAU", "XXX", ""})
    void refusesWhatIsNotACurrencyOneCanCountIn(String code) {
        assertThat(Money.isCurrencyCode(code)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Money.currency(code))
                .withMessageStartingWith("currency must be an ISO 4217 code");
    }

    @Test
    void equalAmountsAreEqualWhateverTheirScale() {
        assertThat(Money.of("19.9", "EUR")).isEqualTo(Money.of("19.90", "EUR"));
        assertThat(Money.of("19.9", "EUR").amount()).isEqualTo(new BigDecimal("19.90"));
    }

    @Test
    void arithmeticIsExact() {
        Money price = Money.of("0.10", "EUR");

        assertThat(price.times(3).plus(Money.of("0.20", "EUR"))).isEqualTo(Money.of("0.50", "EUR"));
        assertThatIllegalArgumentException().isThrownBy(() -> price.plus(Money.of("1", "USD")))
                .withMessageContaining("currency mismatch");
    }
}
