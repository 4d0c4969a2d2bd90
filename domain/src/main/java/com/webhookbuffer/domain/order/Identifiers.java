package com.webhookbuffer.domain.order;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one rule the identifiers of an order and its customer follow: 1 to 64 characters of
 * {@code [A-Za-z0-9_-]}. It keeps identifiers safe to log, to put in a URL and to compare byte by byte.
 */
public final class Identifiers {

    public static final int MIN_LENGTH = 1;
    public static final int MAX_LENGTH = 64;

    private static final String CHARACTERS = "[A-Za-z0-9_-]";

    /** The rule as a regular expression, shared with the payload validation so the two cannot drift apart. */
    public static final String REGEX = CHARACTERS + "{" + MIN_LENGTH + "," + MAX_LENGTH + "}";

    /** The rule in words, for the messages that refuse an identifier. */
    public static final String RULE = "must be " + MIN_LENGTH + "-" + MAX_LENGTH + " characters of " + CHARACTERS;

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private Identifiers() {}

    public static boolean isValid(String candidate) {
        return candidate != null && PATTERN.matcher(candidate).matches();
    }

    /** Returns the value, or refuses it with a message naming the field. */
    static String require(String field, String value) {
        Objects.requireNonNull(value, () -> field + " must not be null");
        if (!isValid(value)) {
            throw new IllegalArgumentException(field + " " + RULE + ", was: " + Texts.excerpt(value));
        }
        return value;
    }
}
