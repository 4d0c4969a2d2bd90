package com.webhookbuffer.domain.webhook;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name an operator gives a sender (a shop, a platform, a partner): it is the last segment of the URL the sender
 * posts to ({@code POST /webhooks/{name}}), and half of the key of every order and every webhook id stored, since
 * two senders may use the same ids. Requests to {@code POST /webhooks} come from the source named
 * {@value #DEFAULT_NAME}.
 */
public record SourceName(String value) {

    public static final int MAX_LENGTH = 32;
    public static final String RULE = "must be 1-" + MAX_LENGTH + " characters of a-z, 0-9 and '-'";
    // Before DEFAULT: the constructor needs it.
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9-]{1," + MAX_LENGTH + "}");

    public static final String DEFAULT_NAME = "default";
    public static final SourceName DEFAULT = new SourceName(DEFAULT_NAME);

    public SourceName {
        Objects.requireNonNull(value, "source name must not be null");
        if (!isValid(value)) {
            throw new IllegalArgumentException("source name " + RULE + ", was: " + excerpt(value));
        }
    }

    public static SourceName of(String value) {
        return new SourceName(value);
    }

    public static boolean isValid(String candidate) {
        return candidate != null && ALLOWED.matcher(candidate).matches();
    }

    /** What a refused name looked like, safe for a log line or a problem document: short, visible ASCII only. */
    private static String excerpt(String value) {
        StringBuilder shown = new StringBuilder("\"");
        value.codePoints().limit(40).forEach(c -> shown.append(c >= 0x21 && c <= 0x7e ? (char) c : '?'));
        return shown.append(value.codePointCount(0, value.length()) > 40 ? "…\"" : "\"")
                .toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
