package com.webhookbuffer.adapter.json.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.webhookbuffer.domain.order.Money;
import com.webhookbuffer.domain.webhook.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a platform's fields by the JSON type the platform writes them in, and notes each one that is missing or of
 * another shape as a violation naming it, in one wording for each fault whichever platform sent it. A reading that
 * fails returns {@code null}; the translator then leaves out what depended on it and carries on, so one answer lists
 * every broken field, up to {@link Violation#MAX_REPORTED}.
 */
public final class FieldReader {

    /** WooCommerce's {@code wc_format_decimal} output: digits, an optional fraction, a sign where one may be. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    /**
     * Longer decimal text than this is refused before it is parsed: no amount below 10^15 needs more, and parsing
     * a body's worth of digits would cost more than the whole rest of the translation.
     */
    private static final int LONGEST_DECIMAL = 64;

    private final List<Violation> found = new ArrayList<>();

    /** Notes a violation, up to what one answer may report; returns null, the field's missing value. */
    public <T> T refuse(String field, String message) {
        if (found.size() < Violation.MAX_REPORTED) {
            found.add(new Violation(field, message));
        }
        return null;
    }

    public boolean isFull() {
        return found.size() >= Violation.MAX_REPORTED;
    }

    public List<Violation> violations() {
        return List.copyOf(found);
    }

    /** A JSON object, or {@code null} after noting why not. */
    public JsonNode object(JsonNode value, String field) {
        if (isAbsent(value)) {
            refuse(field, "is required");
            return null;
        }
        if (!value.isObject()) {
            refuse(field, "must be a JSON object");
            return null;
        }
        return value;
    }

    /** A JSON array, or {@code null} after noting why not. */
    public JsonNode array(JsonNode value, String field) {
        if (isAbsent(value)) {
            refuse(field, "is required");
            return null;
        }
        if (!value.isArray()) {
            refuse(field, "must be a JSON array");
            return null;
        }
        return value;
    }

    /** A JSON string, or {@code null} after noting why not. */
    public String text(JsonNode value, String field) {
        if (isAbsent(value)) {
            refuse(field, "is required");
            return null;
        }
        if (!value.isTextual()) {
            refuse(field, "must be a JSON string");
            return null;
        }
        return value.textValue();
    }

    /** A JSON string, or {@code null} when absent or after noting that it is of another type. */
    public String optionalText(JsonNode value, String field) {
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            return refuse(field, "must be a JSON string or null");
        }
        return value.textValue();
    }

    /** A JSON integer of any size, read exactly, or {@code null} after noting why not. */
    public BigInteger integer(JsonNode value, String field) {
        if (isAbsent(value)) {
            return refuse(field, "is required");
        }
        if (!value.isIntegralNumber()) {
            return refuse(field, "must be a JSON integer");
        }
        return value.bigIntegerValue();
    }

    /**
     * A JSON integer in {@code [min, max]}, read exactly (ids above 2^53 included), or {@code null} after noting
     * why not; a number with a fraction or an exponent is not one, as WooCommerce writes none.
     */
    public BigInteger integer(JsonNode value, String field, BigInteger min, BigInteger max, String rule) {
        BigInteger number = integer(value, field);
        if (number == null) {
            return null;
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            refuse(field, rule);
            return null;
        }
        return number;
    }

    /**
     * An amount as WooCommerce writes one (a decimal string, {@code "10.00"}), below 10^15 in magnitude and with no
     * more fraction digits than {@code currency}'s minor unit where the currency is known; or {@code null} after
     * noting why not.
     *
     * @param mayBeNegative whether a minus sign has a meaning here (a fee line that is a discount)
     */
    public BigDecimal amount(JsonNode value, String field, Currency currency, boolean mayBeNegative) {
        String text = text(value, field);
        if (text == null) {
            return null;
        }
        if (text.length() > LONGEST_DECIMAL) {
            refuse(field, "must be a decimal string of at most " + LONGEST_DECIMAL + " characters");
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            refuse(field, "must be a decimal string (digits, an optional fraction, no exponent)");
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() < 0 && !mayBeNegative) {
            refuse(field, "must be >= 0");
            return null;
        }
        if (amount.abs().compareTo(Money.LIMIT) >= 0) {
            refuse(field, "must be " + Money.LIMIT_RULE);
            return null;
        }
        if (currency != null && !Money.fitsMinorUnit(amount, currency)) {
            refuse(field, Money.fractionRule(currency));
            return null;
        }
        return amount;
    }

    public static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }
}
