package com.webhookbuffer.domain.order;

/** Keeps rejected values short in error messages: a 1 MiB string must not end up in a log line whole. */
final class Texts {

    private static final int MAX_EXCERPT = 80;

    private Texts() {}

    static String excerpt(String value) {
        if (value.length() <= MAX_EXCERPT) {
            return '"' + value + '"';
        }
        return '"' + value.substring(0, MAX_EXCERPT) + "\"... (" + value.length() + " characters)";
    }
}
