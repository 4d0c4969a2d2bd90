package com.webhookbuffer.domain.webhook;

import java.util.Objects;

/**
 * One broken rule of a payload: the field, as a path into the JSON body ({@code data.items[0].quantity}), and
 * what is wrong with it.
 */
public record Violation(String field, String message) implements Comparable<Violation> {

    public Violation {
        Objects.requireNonNull(field, "field must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    @Override
    public int compareTo(Violation other) {
        int byField = field.compareTo(other.field);
        return byField != 0 ? byField : message.compareTo(other.message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
