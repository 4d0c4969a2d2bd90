package com.webhookbuffer.domain.webhook;

/** Checks for header-borne identifiers: visible ASCII only, so they can travel in HTTP headers and SQS attributes. */
final class Ascii {

    private Ascii() {}

    static String requireVisible(String field, String value, int maxLength) {
        if (value == null) {
            throw new NullPointerException(field + " must not be null");
        }
        if (!isVisible(value, maxLength)) {
            throw new IllegalArgumentException(field + " must be 1-" + maxLength
                    + " visible ASCII characters (0x21-0x7E), was " + value.length() + " characters");
        }
        return value;
    }

    static boolean isVisible(String value, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
