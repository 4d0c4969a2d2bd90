package com.webhookbuffer.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.domain.testing.TestOrders;
import java.math.BigDecimal;
import java.util.Currency;
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
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of(amount, currency))
                .withMessageContaining("amount must have at most " + expected);
    }

    @Test
    void refusesNegativeAndTooLargeAmounts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("-0.01", "EUR"))
                .withMessageStartingWith("amount must be >= 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("1000000000000000", "EUR"))
                .withMessageStartingWith("amount must be < 10^15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "ABC", "XAU", "XXX", ""})
    void refusesWhatIsNotACurrencyOneCanCountIn(String code) {
        assertThat(Money.isCurrencyCode(code)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.currency(code))
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
        assertThatIllegalArgumentException()
                .isThrownBy(() -> price.plus(Money.of("1", "USD")))
                .withMessageContaining("currency mismatch");
    }

    @Test
    void aCurrencyWithoutAMinorUnitIsRefusedEvenWhenTheAmountFitsAWholeScale() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Money(new BigDecimal("10"), Currency.getInstance("XAU")))
                .withMessage("currency must be an ISO 4217 code with a minor unit, was: XAU");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "JPY", "KWD", "USD"})
    void currenciesWithAMinorUnitOfZeroOrMoreDigitsAreCodes(String code) {
        assertThat(Money.isCurrencyCode(code)).isTrue();
        assertThat(Money.currency(code).getCurrencyCode()).isEqualTo(code);
    }

    @Test
    void noCodeIsNotACurrencyCode() {
        assertThat(Money.isCurrencyCode(null)).isFalse();
    }

    @Test
    void anAmountJustBelowTheLimitIsAllowedAndTheLimitItselfIsNot() {
        assertThat(Money.of("999999999999999", "JPY").amount()).isEqualByComparingTo("999999999999999");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("1000000000000000", "JPY"))
                .withMessageStartingWith("amount must be < 10^15");
        assertThat(Money.of("0.00", "EUR")).isEqualTo(Money.zero(TestOrders.EUR));
    }

    @Test
    void fractionDigitsUpToTheMinorUnitFitAndOneMoreDoesNot() {
        assertThat(Money.fitsMinorUnit(new BigDecimal("0.01"), TestOrders.EUR)).isTrue();
        assertThat(Money.fitsMinorUnit(new BigDecimal("0.001"), TestOrders.EUR)).isFalse();
        assertThat(Money.fitsMinorUnit(new BigDecimal("0.0010"), Currency.getInstance("KWD")))
                .isTrue();
        assertThat(Money.fitsMinorUnit(new BigDecimal("1"), Currency.getInstance("JPY")))
                .isTrue();
        assertThat(Money.fitsMinorUnit(new BigDecimal("0.1"), Currency.getInstance("JPY")))
                .isFalse();
    }

    @Test
    void readsAsItsPlainAmountAndCurrency() {
        assertThat(Money.of("19.9", "EUR")).hasToString("19.90 EUR");
        assertThat(Money.of("1E+3", "JPY")).hasToString("1000 JPY");
    }

    @Test
    void moneyOfTheSameCurrencyIsTheSameCurrencyAndOtherwiseNot() {
        assertThat(Money.of("1", "EUR").isSameCurrency(Money.of("2", "EUR"))).isTrue();
        assertThat(Money.of("1", "EUR").isSameCurrency(Money.of("1", "USD"))).isFalse();
    }
}
