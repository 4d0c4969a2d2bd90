package com.webhookbuffer.domain.order;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount in one currency. Never a {@code double}: {@code total} must equal the sum of the lines exactly.
 *
 * <p>An amount is at least zero, has at most as many fraction digits as the currency's minor unit (two for EUR,
 * none for JPY, three for KWD; trailing zeros do not count) and stays below 10^15, which is what the store's
 * {@code numeric(19,4)} columns hold.
 */
public record Money(BigDecimal amount, Currency currency) {

    /** How many digits an amount has before its point at the most. */
    public static final int MAX_WHOLE_DIGITS = 15;
    /** Exclusive upper bound of an amount. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(MAX_WHOLE_DIGITS);
    /** Compiled once: every payload's currency is judged by it, some twice. */
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    /** The upper bound in words, for the messages that refuse an amount. */
    public static final String LIMIT_RULE = "< 10^" + MAX_WHOLE_DIGITS;

    public Money {
        Objects.requireNonNull(amount, "amount must not be null");
        Objects.requireNonNull(currency, "currency must not be null");
        requireTradeCurrency(currency);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be >= 0, was: " + amount.toPlainString());
        }
        if (amount.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount must be " + LIMIT_RULE + ", was: " + amount.toPlainString());
        }
        if (!fitsMinorUnit(amount, currency)) {
            throw new IllegalArgumentException("amount " + fractionRule(currency) + ", was: " + amount.toPlainString());
        }
        // One scale per currency, so equal amounts are equal records (19.9 EUR == 19.90 EUR).
        amount = amount.setScale(currency.getDefaultFractionDigits());
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Returns the currency for an ISO 4217 code that has a minor unit. Codes without one (gold, test codes,
     * {@code XXX}) are refused: an order is paid in a currency one can count in.
     */
    public static Currency currency(String code) {
        Objects.requireNonNull(code, "currency must not be null");
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was: " + Texts.excerpt(code), e);
        }
        requireTradeCurrency(currency);
        return currency;
    }

    /** Whether {@code code} names a currency {@link #currency(String)} accepts. */
    public static boolean isCurrencyCode(String code) {
        if (code == null || !CURRENCY_CODE.matcher(code).matches()) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code amount} has no more fraction digits than the currency's minor unit. */
    public static boolean fitsMinorUnit(BigDecimal amount, Currency currency) {
        return amount.stripTrailingZeros().scale() <= Math.max(0, currency.getDefaultFractionDigits());
    }

    /** The minor-unit rule in words, for the messages that refuse an amount in {@code currency}. */
    public static String fractionRule(Currency currency) {
        return "must have at most " + currency.getDefaultFractionDigits() + " fraction digits for "
                + currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public boolean isSameCurrency(Money other) {
        return currency.equals(other.currency);
    }

    private void requireSameCurrency(Money other) {
        if (!isSameCurrency(other)) {
            throw new IllegalArgumentException(
                    "currency mismatch: " + currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode());
        }
    }

    private static void requireTradeCurrency(Currency currency) {
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(
                    "currency must be an ISO 4217 code with a minor unit, was: " + currency.getCurrencyCode());
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
