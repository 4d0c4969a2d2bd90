package com.webhookbuffer.domain.order;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stock keeping unit: what a line item is a quantity of. Shops write SKUs as free text (spaces, punctuation,
 * any script: {@code course-v1:org+course+run1}), so the rule is only 1 to {@value #MAX_LENGTH} characters and no
 * control characters, which would break a log line or a CSV export.
 */
public record Sku(String value) {

    public static final int MAX_LENGTH = 255;
    /** The rule as a regular expression, shared with the payload validation so the two cannot drift apart. */
    public static final String REGEX = "\\P{Cc}{1," + MAX_LENGTH + "}";
    /** The rule in words, for the messages that refuse a SKU. */
    public static final String RULE = "must be 1-" + MAX_LENGTH + " characters, none of them a control character";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    public Sku {
        Objects.requireNonNull(value, "sku must not be null");
        if (!isValid(value)) {
            throw new IllegalArgumentException(
                    "sku " + RULE + ", was: " + Texts.excerpt(value.replaceAll("\\p{Cc}", "?")));
        }
    }

    public static Sku of(String value) {
        return new Sku(value);
    }

    public static boolean isValid(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
